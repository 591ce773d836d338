//! Every option of a read, in one value: the tolerances of each stage (their defaults and the
//! reasons behind them are in [`crate::tolerance`]), the limits on hostile input and the plan
//! template profile. The CLI builds one from its flags; the library takes it whole and checks it
//! once ([`Settings::validate`]) before any page is read.

use crate::layout;
use crate::paper::profile::Profile;
use crate::paper::PaperSettings;
use crate::pdf::Limits;
use crate::table;

/// How to read a paper.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Words, lines and blocks.
    pub layout: layout::Settings,
    /// Ruled and unruled tables, and their continuation across pages.
    pub table: table::Settings,
    /// Plan captions and the covering report.
    pub paper: PaperSettings,
    /// What one file may cost.
    pub limits: Limits,
    /// The plan template: column roles, row patterns and status words (the built-in rules by
    /// default).
    pub profile: Profile,
}

/// A setting that cannot be used, with its name and value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("setting {name} = {value}: {why}")]
pub struct SettingsError {
    /// The setting, as `stage.field`.
    pub name: &'static str,
    /// Its value, as given.
    pub value: String,
    /// What a usable value is.
    pub why: &'static str,
}

impl Settings {
    /// The default settings with a plan template profile.
    pub fn with_profile(profile: &Profile) -> Settings {
        Settings {
            profile: profile.clone(),
            ..Settings::default()
        }
    }

    /// Check every tolerance once: lengths and fractions must be finite and not negative,
    /// ems positive, fractions at most 1.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let l = &self.layout;
        let t = &self.table;
        let p = &self.paper;
        for (name, v) in [
            ("layout.word_gap_em", l.word_gap_em),
            ("layout.line_baseline_em", l.line_baseline_em),
            ("layout.block_gap_lines", l.block_gap_lines),
            ("layout.layout_char_width", l.layout_char_width),
            ("paper.caption_window_lines", p.caption_window_lines),
            ("paper.default_font_size", p.default_font_size),
        ] {
            positive(name, v)?;
        }
        for (name, v) in [
            ("table.snap_tolerance", t.snap_tolerance),
            ("table.join_tolerance", t.join_tolerance),
            ("table.intersection_tolerance", t.intersection_tolerance),
            ("table.min_rule_length", t.min_rule_length),
            ("table.paragraph_gap_lines", t.paragraph_gap_lines),
            ("table.column_match_tolerance", t.column_match_tolerance),
            ("paper.caption_touch", p.caption_touch),
        ] {
            not_negative(name, v)?;
        }
        for (name, v) in [
            ("table.boundary_coverage", t.boundary_coverage),
            ("table.fill_cell_coverage", t.fill_cell_coverage),
            ("paper.caption_same_line", p.caption_same_line),
        ] {
            fraction(name, v)?;
        }
        Ok(())
    }
}

fn positive(name: &'static str, v: f64) -> Result<(), SettingsError> {
    check(name, v, v.is_finite() && v > 0.0, "a number above 0")
}

fn not_negative(name: &'static str, v: f64) -> Result<(), SettingsError> {
    check(name, v, v.is_finite() && v >= 0.0, "a number of 0 or more")
}

fn fraction(name: &'static str, v: f64) -> Result<(), SettingsError> {
    check(name, v, (0.0..=1.0).contains(&v), "a fraction from 0 to 1")
}

fn check(name: &'static str, v: f64, ok: bool, why: &'static str) -> Result<(), SettingsError> {
    if ok {
        Ok(())
    } else {
        Err(SettingsError {
            name,
            value: v.to_string(),
            why,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_impossible_values_are_named() {
        assert_eq!(Settings::default().validate(), Ok(()));
        let mut s = Settings::default();
        s.table.snap_tolerance = -1.0;
        let e = s.validate().err();
        assert_eq!(e.as_ref().map(|e| e.name), Some("table.snap_tolerance"));
        let mut s = Settings::default();
        s.table.boundary_coverage = 1.5;
        assert_eq!(
            s.validate().err().map(|e| e.to_string()),
            Some("setting table.boundary_coverage = 1.5: a fraction from 0 to 1".to_string())
        );
        let mut s = Settings::default();
        s.layout.word_gap_em = f64::NAN;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("layout.word_gap_em")
        );
    }
}
