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
    /// ems positive, fractions at most 1, and a range's ends in order. (Counts of lines, rows
    /// or words may be any number.)
    pub fn validate(&self) -> Result<(), SettingsError> {
        let l = &self.layout;
        let t = &self.table;
        let u = &t.alignment;
        let p = &self.paper;
        for (name, v) in [
            ("layout.word_gap_em", l.word_gap_em),
            ("layout.line_baseline_em", l.line_baseline_em),
            ("layout.block_gap_lines", l.block_gap_lines),
            ("layout.layout_char_width", l.layout_char_width),
            ("layout.column_gap_em", l.column_gap_em),
            ("layout.superscript_rise_em", l.superscript_rise_em),
            ("layout.leader_step_em", l.leader_step_em),
            (
                "layout.letter_spaced_max_gap_em",
                l.letter_spaced_max_gap_em,
            ),
            ("layout.letter_spaced_even_em", l.letter_spaced_even_em),
            ("table.alignment.line_baseline_em", u.line_baseline_em),
            ("table.alignment.segment_gap_em", u.segment_gap_em),
            ("table.alignment.heading_size_ratio", u.heading_size_ratio),
            ("table.alignment.paragraph_gap_lines", u.paragraph_gap_lines),
            ("paper.caption_window_lines", p.caption_window_lines),
            (
                "paper.caption_heading_window_lines",
                p.caption_heading_window_lines,
            ),
            ("paper.default_font_size", p.default_font_size),
            ("paper.row_baseline_em", p.row_baseline_em),
            ("paper.heading_size_ratio", p.heading_size_ratio),
            ("paper.paragraph_gap", p.paragraph_gap),
        ] {
            positive(name, v)?;
        }
        for (name, v) in [
            ("table.snap_tolerance", t.snap_tolerance),
            ("table.join_tolerance", t.join_tolerance),
            ("table.intersection_tolerance", t.intersection_tolerance),
            ("table.min_rule_length", t.min_rule_length),
            ("table.paragraph_gap_lines", t.paragraph_gap_lines),
            ("table.mark_max_aspect", t.mark_max_aspect),
            ("table.column_match_tolerance", t.column_match_tolerance),
            ("table.column_start_tolerance", t.column_start_tolerance),
            ("layout.duplicate_glyph_em", l.duplicate_glyph_em),
            ("layout.block_overlap_lines", l.block_overlap_lines),
            ("layout.layout_blank_line_em", l.layout_blank_line_em),
            ("layout.superscript_size_ratio", l.superscript_size_ratio),
            ("table.axis_tolerance", t.axis_tolerance),
            ("table.white_rule_on_fill", t.white_rule_on_fill),
            ("table.open_row_min", t.open_row_min),
            ("table.open_column_min", t.open_column_min),
            ("table.strip_min_extent", t.strip_min_extent),
            ("table.strip_gap", t.strip_gap),
            ("table.strip_max_width", t.strip_max_width),
            ("table.cell_line_baseline_em", t.cell_line_baseline_em),
            ("table.cell_word_gap_em", t.cell_word_gap_em),
            ("table.break_gap_lines", t.break_gap_lines),
            ("table.mark_max_side", t.mark_max_side),
            ("table.running_line_tolerance", t.running_line_tolerance),
            ("table.mark_min_side", t.mark_min_side),
            (
                "table.alignment.other_size_above_header_ratio",
                u.other_size_above_header_ratio,
            ),
            ("table.alignment.min_gutter", u.min_gutter),
            ("table.alignment.ruled_table_margin", u.ruled_table_margin),
            ("table.alignment.axis_tolerance", u.axis_tolerance),
            ("table.alignment.min_rule_piece", u.min_rule_piece),
            ("table.alignment.rule_line_slack", u.rule_line_slack),
            ("table.alignment.tick_slack", u.tick_slack),
            ("table.alignment.run_gap_lines", u.run_gap_lines),
            ("table.alignment.scan_gap_lines", u.scan_gap_lines),
            ("table.alignment.extent_slack", u.extent_slack),
            ("table.alignment.header_gap_lines", u.header_gap_lines),
            ("table.alignment.rule_snap", u.rule_snap),
            ("table.alignment.rule_join", u.rule_join),
            ("table.alignment.min_band_width", u.min_band_width),
            ("table.alignment.max_band_height", u.max_band_height),
            (
                "table.alignment.continuation_gap_lines",
                u.continuation_gap_lines,
            ),
            ("table.alignment.section_label_slack", u.section_label_slack),
            ("table.alignment.hanging_indent", u.hanging_indent),
            ("table.alignment.underline_gap_lines", u.underline_gap_lines),
            ("table.alignment.tick_min", u.tick_min),
            ("table.alignment.tick_max", u.tick_max),
            ("table.alignment.prose_left_slack", u.prose_left_slack),
            ("table.alignment.boundary_split_em", u.boundary_split_em),
            ("table.alignment.gutter_edge", u.gutter_edge),
            ("paper.caption_touch", p.caption_touch),
            ("paper.column_tolerance", p.column_tolerance),
            (
                "paper.repeat_position_tolerance",
                p.repeat_position_tolerance,
            ),
            ("paper.meeting_body_gap_em", p.meeting_body_gap_em),
            ("paper.heading_gutter", p.heading_gutter),
            ("paper.line_pitch_em", p.line_pitch_em),
            ("paper.place_gap_ratio", p.place_gap_ratio),
            ("paper.cell_padding", p.cell_padding),
            ("paper.entry_pitch_jump", p.entry_pitch_jump),
            ("paper.pale_fill_saturation", p.pale_fill_saturation),
            ("paper.banner_dark_luminance", p.banner_dark_luminance),
            ("paper.sidebar_gap_em", p.sidebar_gap_em),
        ] {
            not_negative(name, v)?;
        }
        for (name, v) in [
            ("table.boundary_coverage", t.boundary_coverage),
            ("table.fill_cell_coverage", t.fill_cell_coverage),
            ("table.alignment.prose_line_width", u.prose_line_width),
            ("table.alignment.rule_coverage", u.rule_coverage),
            ("table.alignment.section_label_width", u.section_label_width),
            (
                "table.alignment.gutter_crossing_fraction",
                u.gutter_crossing_fraction,
            ),
            ("table.alignment.rule_span_fraction", u.rule_span_fraction),
            ("table.alignment.grid_line_width", u.grid_line_width),
            ("table.alignment.grid_line_inset", u.grid_line_inset),
            ("table.alignment.min_density", u.min_density),
            ("table.alignment.max_prose_fraction", u.max_prose_fraction),
            (
                "table.alignment.short_column_prose_fraction",
                u.short_column_prose_fraction,
            ),
            ("table.alignment.max_marker_fraction", u.max_marker_fraction),
            (
                "table.alignment.lower_start_fraction",
                u.lower_start_fraction,
            ),
            (
                "table.alignment.prose_column_fraction",
                u.prose_column_fraction,
            ),
            ("table.alignment.prose_fill", u.prose_fill),
            (
                "table.alignment.min_numeric_for_numbered",
                u.min_numeric_for_numbered,
            ),
            (
                "table.alignment.min_separated_fraction",
                u.min_separated_fraction,
            ),
            ("table.alignment.stacked_line_share", u.stacked_line_share),
            (
                "table.alignment.column_rule_fraction",
                u.column_rule_fraction,
            ),
            ("paper.caption_same_line", p.caption_same_line),
            ("paper.margin_fraction", p.margin_fraction),
            ("paper.short_line_fraction", p.short_line_fraction),
            ("paper.footnote_size_ratio", p.footnote_size_ratio),
            ("paper.footnote_mark_gap_em", p.footnote_mark_gap_em),
            ("paper.centred_fraction", p.centred_fraction),
            ("paper.max_numeric_share", p.max_numeric_share),
            ("paper.sidebar_max_share", p.sidebar_max_share),
        ] {
            fraction(name, v)?;
        }
        check(
            "table.alignment.tick_max",
            u.tick_max,
            u.tick_max >= u.tick_min,
            "at least table.alignment.tick_min",
        )?;
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

    /// The tolerances of the unruled finder and the covering report are checked too, and a
    /// range must not run backwards.
    #[test]
    fn nested_and_paper_tolerances_are_checked() {
        let mut s = Settings::default();
        s.table.alignment.min_density = 2.0;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("table.alignment.min_density")
        );
        let mut s = Settings::default();
        s.table.alignment.segment_gap_em = 0.0;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("table.alignment.segment_gap_em")
        );
        let mut s = Settings::default();
        s.paper.column_tolerance = f64::INFINITY;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("paper.column_tolerance")
        );
        let mut s = Settings::default();
        s.paper.max_numeric_share = 1.5;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("paper.max_numeric_share")
        );
        let mut s = Settings::default();
        s.paper.heading_size_ratio = 0.0;
        assert_eq!(
            s.validate().err().map(|e| e.name),
            Some("paper.heading_size_ratio")
        );
        let mut s = Settings::default();
        s.table.alignment.tick_min = 6.0;
        assert_eq!(
            s.validate().err().map(|e| e.to_string()),
            Some(
                "setting table.alignment.tick_max = 5: at least table.alignment.tick_min"
                    .to_string()
            )
        );
    }
}
