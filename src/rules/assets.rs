//! Images named in data (signature and seal, the State emblem) exist inside the project and
//! are images: otherwise Typst fails deep inside a library template with an English message
//! that names neither the data field nor the image.

use crate::diag::Diagnostics;
use crate::load::{Data, Image};

pub fn run(data: &Data, out: &mut Diagnostics) {
    for (doc, path, rel) in data.image_refs() {
        let emblem = path == "certificate.emblem";
        let d = |msg: String| doc.error(&path, msg);
        match data.images.get(rel) {
            Some(Image::Found(_)) | None => {}
            Some(Image::NotAnImage) => out.push(
                d(format!("tệp “{rel}” không phải là ảnh (PNG, JPEG, GIF, SVG)"))
                    .hint("xuất lại ảnh dưới dạng PNG rồi ghi đường dẫn tệp đó; hoặc để `~` để in không có ảnh"),
            ),
            Some(Image::Missing) if emblem => out.push(
                d(format!("không có tệp ảnh Quốc huy “{rel}”"))
                    .hint("đặt ảnh (PNG hoặc SVG) vào thư mục assets/ của dự án và ghi đường dẫn, ví dụ assets/quoc-huy.png"),
            ),
            Some(Image::Missing) => out.push(
                d(format!("không tìm thấy ảnh “{rel}” trong thư mục dự án"))
                    .hint("chép ảnh vào thư mục assets/ của dự án và ghi `image: assets/ten-tep.png`"),
            ),
            Some(Image::Refused(e)) => out.push(d(e.clone()).hint(
                "ảnh phải nằm trong thư mục dự án (không dùng “..”, đường dẫn tuyệt đối hay liên kết trỏ ra ngoài)",
            )),
        }
    }
    if let Some(d) = &data.decision
        && d.file
            .certificate
            .emblem
            .as_deref()
            .is_none_or(|e| e.trim().is_empty())
    {
        out.push(
            d.src
                .warning(
                    "certificate",
                    "chưa có ảnh Quốc huy: Giấy khen để trống chỗ in Quốc huy",
                )
                .hint("ghi certificate.emblem: assets/quoc-huy.png (ảnh do đơn vị tự cung cấp)"),
        );
    }
}
