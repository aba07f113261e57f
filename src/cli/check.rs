//! `vinhdanh check`: the rules, with the plan's tables. Exit 0 clean (warnings allowed unless
//! `--strict`), 1 problems, 2 misuse (a project folder that does not exist, fixing the
//! embedded default).

use std::path::PathBuf;

use super::{fail, print};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::pipeline;
use crate::project::Project;
use crate::rules;
use crate::tone;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục dự án (bỏ trống: như lệnh build).
    dir: Option<PathBuf>,
    /// Thống nhất kiểu bỏ dấu trong phần văn bản tự do của data/*.yaml: new (hoà, thuỷ) hoặc old (hòa, thủy).
    #[arg(long, value_name = "new|old")]
    fix_tone_marks: Option<ToneStyleArg>,
    /// Chỉ in các chỗ sẽ sửa, không ghi tệp (dùng cùng --fix-tone-marks).
    #[arg(long, requires = "fix_tone_marks")]
    dry_run: bool,
    /// Coi cảnh báo là lỗi (thoát với mã 1 khi còn cảnh báo).
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ToneStyleArg {
    New,
    Old,
}

pub fn run(a: Args) -> i32 {
    let project = match super::project(a.dir.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let Some(style) = a.fix_tone_marks {
        let style = match style {
            ToneStyleArg::New => tone::Style::New,
            ToneStyleArg::Old => tone::Style::Old,
        };
        if project.root().is_none() {
            eprintln!(
                "lỗi: --fix-tone-marks cần một thư mục dự án\n  gợi ý: tạo dự án bằng `vinhdanh init THƯ-MỤC` rồi chạy `vinhdanh check THƯ-MỤC --fix-tone-marks new`"
            );
            return 2;
        }
        match fix_tone_marks(&project, style, a.dry_run) {
            Ok(changes) => {
                for (file, c) in &changes {
                    println!(
                        "{file}:{}:{}: {} → {} [{}]",
                        c.line, c.column, c.before, c.after, c.path
                    );
                }
                let verb = if a.dry_run {
                    "Sẽ sửa"
                } else {
                    "Đã sửa"
                };
                println!("{verb} {} chỗ bỏ dấu.\n", changes.len());
            }
            Err(d) => return fail(&d),
        }
        if a.dry_run {
            return 0;
        }
    }
    let p = match pipeline::prepare(&project) {
        Ok(p) => p,
        Err(d) => {
            print(&d);
            eprintln!("Chưa kiểm tra được số lượng: hãy sửa các lỗi trên trước.");
            return 1;
        }
    };
    print!("{}", p.report);
    print(&p.diags);
    let errors = p.diags.errors().count();
    let warnings = p.diags.warnings().count();
    eprintln!("Kiểm tra xong: {errors} lỗi, {warnings} cảnh báo.");
    if errors > 0 || (a.strict && warnings > 0) {
        1
    } else {
        0
    }
}

/// Rewrites the tone marks of the free-text values of every YAML data file on disk (atomically,
/// keeping comments and layout).
fn fix_tone_marks(
    project: &Project,
    style: tone::Style,
    dry_run: bool,
) -> Result<Vec<(String, tone::Change)>, Diagnostics> {
    let mut changes = Vec::new();
    let mut errors = Diagnostics::default();
    for (rel, path, source) in super::data_yaml_files(project, &mut errors) {
        match tone::fix_yaml(&source, style, &rules::is_free_text) {
            Ok((new, list)) => {
                if !list.is_empty()
                    && !dry_run
                    && let Err(e) = crate::engine::write::atomic_write(&path, new.as_bytes())
                {
                    errors.push(e.into());
                    continue;
                }
                changes.extend(list.into_iter().map(|c| (rel.clone(), c)));
            }
            Err(e) => errors.push(
                Diagnostic::error(format!(
                    "cú pháp YAML sai, không sửa tệp này: {}",
                    e.message
                ))
                .at(Location::at(rel.clone(), e.line, e.column)),
            ),
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(changes)
    }
}
