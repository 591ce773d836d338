//! The shared flags turned into what the library takes (the high level, as ripgrep's
//! `hiargs`): built once per command, before any file is read, and passed down by reference.

use boardpaper::paper::profile::Profile;
use boardpaper::pdf::{Limits, OpenOptions};
use boardpaper::settings::Settings;

use super::args::{LimitArgs, OpenArgs, ReadArgs};
use super::Failure;

/// How a command that reads papers reads each one.
#[derive(Debug)]
pub struct Reading {
    /// The password for encrypted PDFs.
    pub password: Option<String>,
    /// Every option of a read: the tolerances (defaults), the limits and the profile named by
    /// `--profile`, or the built-in rules. Checked once.
    pub settings: Settings,
}

impl Reading {
    /// How each PDF is opened: the password and the settings' limits.
    pub fn open(&self) -> OpenOptions {
        OpenOptions {
            password: self.password.clone(),
            limits: self.settings.limits.clone(),
        }
    }
}

impl LimitArgs {
    /// The limits these flags ask for (a time limit of 0 or less means none).
    pub fn to_limits(&self) -> Limits {
        let time = (self.time_limit.is_finite() && self.time_limit > 0.0)
            .then(|| std::time::Duration::try_from_secs_f64(self.time_limit).ok())
            .flatten();
        Limits {
            stream_bytes: self.max_stream_bytes,
            document_bytes: self.max_document_bytes,
            operators_per_page: self.max_operators,
            form_depth: self.max_form_depth,
            form_invocations: self.max_form_invocations,
            cmap_entries: self.max_cmap_entries,
            glyphs_per_page: self.max_glyphs,
            path_segments_per_page: self.max_path_segments,
            pages: self.max_pages,
            objects: self.max_objects,
            time,
            ..Limits::default()
        }
    }
}

impl OpenArgs {
    /// How to open each PDF.
    pub fn options(&self) -> OpenOptions {
        OpenOptions {
            password: self.password.clone(),
            limits: self.limits.to_limits(),
        }
    }
}

impl ReadArgs {
    /// How to read each paper; a profile that cannot be used is a usage error naming the
    /// file and the key.
    pub fn reading(&self) -> Result<Reading, Failure> {
        let profile = match &self.profile {
            Some(path) => Profile::load(path)?,
            None => Profile::default(),
        };
        let settings = Settings {
            limits: self.open.limits.to_limits(),
            profile,
            ..Settings::default()
        };
        settings.validate()?;
        Ok(Reading {
            password: self.open.password.clone(),
            settings,
        })
    }
}
