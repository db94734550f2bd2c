//! The container inside a package: a ZIP archive whose files are stored, not compressed. ZIP
//! because the people who open a package (HR, on whatever laptop the company issues) can open
//! one without installing anything; stored because the files are small text, and because a
//! reader with no decompressor has nothing to get wrong. Only what Kizuki writes is read back:
//! no comments, no data descriptors, no encryption, no directories, no ZIP64, names from a
//! short flat list.

use chrono::{Datelike, NaiveDateTime, Timelike};

/// The most files a package holds.
const MAX_FILES: usize = 16;
/// The longest file name.
const MAX_NAME_BYTES: usize = 64;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0: what stored files need.
const VERSION: u16 = 20;
/// "Made by" Unix (3), version 2.0: file modes are Unix modes.
const MADE_BY_UNIX: u16 = (3 << 8) | VERSION;
/// General-purpose flag 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// `-rw-r--r--`, in the external attributes' high half.
const REGULAR_FILE: u32 = 0o100_644 << 16;

/// Why a container was not read. The reasons are for developers; users see "not a package".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// It ends before a structure it announces.
    #[error("truncated")]
    Truncated,
    /// A signature, size, count or offset is not what Kizuki writes.
    #[error("malformed: {0}")]
    Malformed(&'static str),
    /// A file's checksum does not match its content.
    #[error("checksum mismatch")]
    Checksum,
}

/// Writes `files` (name, content) as a stored ZIP, every entry dated `modified`.
pub(crate) fn write(files: &[(&str, &[u8])], modified: NaiveDateTime) -> Vec<u8> {
    let (time, date) = dos_time(modified);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = len32(out.len());
        let crc = crc32(data);
        let size = len32(data.len());
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        put32(&mut out, LOCAL_HEADER);
        for value in [VERSION, UTF8_NAMES, 0, time, date] {
            put16(&mut out, value);
        }
        for value in [crc, size, size] {
            put32(&mut out, value);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL_HEADER);
        for value in [MADE_BY_UNIX, VERSION, UTF8_NAMES, 0, time, date] {
            put16(&mut central, value);
        }
        for value in [crc, size, size] {
            put32(&mut central, value);
        }
        for value in [name_len, 0, 0, 0, 0] {
            put16(&mut central, value);
        }
        put32(&mut central, REGULAR_FILE);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = len32(out.len());
    let count = u16::try_from(files.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    put32(&mut out, END_OF_CENTRAL_DIRECTORY);
    for value in [0, 0, count, count] {
        put16(&mut out, value);
    }
    put32(&mut out, len32(central.len()));
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

/// Reads a container Kizuki wrote: its files, in order, each checked against its checksum.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let end_at = bytes.len().checked_sub(22).ok_or(ZipError::Truncated)?;
    let mut end = Cursor::at(bytes, end_at);
    if end.u32()? != END_OF_CENTRAL_DIRECTORY {
        return Err(ZipError::Malformed(
            "no end of central directory (or a comment)",
        ));
    }
    let (disk, central_disk, on_disk, count) = (end.u16()?, end.u16()?, end.u16()?, end.u16()?);
    let central_size = end.u32()? as usize;
    let central_offset = end.u32()? as usize;
    if disk != 0 || central_disk != 0 || on_disk != count || end.u16()? != 0 {
        return Err(ZipError::Malformed("multi-disk or commented archive"));
    }
    let count = usize::from(count);
    if count == 0 || count > MAX_FILES {
        return Err(ZipError::Malformed("file count"));
    }
    if central_offset.checked_add(central_size) != Some(end_at) {
        return Err(ZipError::Malformed("central directory position"));
    }
    let mut central = Cursor::at(bytes, central_offset);
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(count);
    let mut next_local = 0;
    for _ in 0..count {
        if central.u32()? != CENTRAL_HEADER {
            return Err(ZipError::Malformed("central header signature"));
        }
        let _made_by = central.u16()?;
        let (_needed, flags, method) = (central.u16()?, central.u16()?, central.u16()?);
        let (_time, _date) = (central.u16()?, central.u16()?);
        let (crc, compressed, size) = (central.u32()?, central.u32()?, central.u32()?);
        let name_len = usize::from(central.u16()?);
        let (extra_len, comment_len) = (central.u16()?, central.u16()?);
        let (_disk, _internal, _external) = (central.u16()?, central.u16()?, central.u32()?);
        let offset = central.u32()? as usize;
        let name = central.bytes(name_len)?;
        if flags & !UTF8_NAMES != 0 || method != 0 || compressed != size {
            return Err(ZipError::Malformed("not a plain stored file"));
        }
        if extra_len != 0 || comment_len != 0 {
            return Err(ZipError::Malformed("extra fields"));
        }
        let name = checked_name(name)?;
        if files.iter().any(|(seen, _)| *seen == name) {
            return Err(ZipError::Malformed("duplicate name"));
        }
        // Files follow one another with nothing between them or overlapping them.
        if offset != next_local {
            return Err(ZipError::Malformed("file position"));
        }
        let mut local = Cursor::at(bytes, offset);
        if local.u32()? != LOCAL_HEADER {
            return Err(ZipError::Malformed("local header signature"));
        }
        let (_needed, local_flags, local_method) = (local.u16()?, local.u16()?, local.u16()?);
        let (_time, _date) = (local.u16()?, local.u16()?);
        let (local_crc, local_compressed, local_size) = (local.u32()?, local.u32()?, local.u32()?);
        let (local_name_len, local_extra_len) = (usize::from(local.u16()?), local.u16()?);
        let local_name = local.bytes(local_name_len)?;
        if (
            local_flags,
            local_method,
            local_crc,
            local_compressed,
            local_size,
            local_extra_len,
        ) != (flags, method, crc, compressed, size, 0)
            || local_name != name.as_bytes()
        {
            return Err(ZipError::Malformed(
                "local header differs from the directory",
            ));
        }
        let data = local.bytes(size as usize)?;
        if crc32(data) != crc {
            return Err(ZipError::Checksum);
        }
        next_local = local.position;
        files.push((name, data.to_vec()));
    }
    if next_local != central_offset || central.position != end_at {
        return Err(ZipError::Malformed("bytes between the parts"));
    }
    Ok(files)
}

fn checked_name(name: &[u8]) -> Result<String, ZipError> {
    let name = std::str::from_utf8(name).map_err(|_| ZipError::Malformed("name encoding"))?;
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if name.is_empty() || name.len() > MAX_NAME_BYTES || !plain || name.starts_with('.') {
        return Err(ZipError::Malformed("file name"));
    }
    Ok(name.to_owned())
}

struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Cursor<'a> {
    fn at(bytes: &'a [u8], position: usize) -> Self {
        Self { bytes, position }
    }

    fn bytes(&mut self, len: usize) -> Result<&'a [u8], ZipError> {
        let end = self.position.checked_add(len).ok_or(ZipError::Truncated)?;
        let slice = self
            .bytes
            .get(self.position..end)
            .ok_or(ZipError::Truncated)?;
        self.position = end;
        Ok(slice)
    }

    fn u16(&mut self) -> Result<u16, ZipError> {
        let bytes = self.bytes(2)?;
        Ok(u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u32(&mut self) -> Result<u32, ZipError> {
        let bytes = self.bytes(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Sizes and offsets in a package are far below 4 GiB (packages are bounded much lower).
fn len32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// MS-DOS time and date, as ZIP keeps them (local time, two-second steps, from 1980).
fn dos_time(at: NaiveDateTime) -> (u16, u16) {
    let year = u16::try_from(at.year().clamp(1980, 2107) - 1980).unwrap_or(0);
    let part = |value: u32| u16::try_from(value).unwrap_or(0);
    let time = (part(at.hour()) << 11) | (part(at.minute()) << 5) | part(at.second() / 2);
    let date = (year << 9) | (part(at.month()) << 5) | part(at.day());
    (time, date)
}

/// CRC-32 (IEEE 802.3), as ZIP checks each file.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|day| day.and_hms_opt(21, 30, 14))
            .unwrap_or_default();
        write(
            &[
                ("manifest.json", b"{}".as_slice()),
                ("summary.html", "<p>要約</p>".as_bytes()),
            ],
            at,
        )
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn what_is_written_reads_back() -> Result<(), ZipError> {
        let files = read(&sample())?;
        assert_eq!(
            files,
            [
                ("manifest.json".to_owned(), b"{}".to_vec()),
                ("summary.html".to_owned(), "<p>要約</p>".as_bytes().to_vec())
            ]
        );
        Ok(())
    }

    #[test]
    fn a_damaged_container_is_refused_never_misread() {
        let good = sample();
        for cut in [0, 10, good.len() / 2, good.len() - 1] {
            assert!(read(&good[..cut]).is_err(), "truncated at {cut}");
        }
        // Every single flipped byte is either caught or lands where it changes nothing read
        // (the dates and the "made by" field); none yields different content.
        let expected = read(&good);
        for at in 0..good.len() {
            let mut flipped = good.clone();
            flipped[at] ^= 0x01;
            let outcome = read(&flipped);
            assert!(outcome.is_err() || outcome == expected, "byte {at}");
        }
        let mut commented = good.clone();
        commented.extend_from_slice(b"x");
        assert!(read(&commented).is_err());
    }
}
