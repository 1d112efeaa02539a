//! The inputs of `verify`: each argument as given (a file, an `http(s)` URL, `-` for stdin), a
//! directory replaced by the credential files under it, walked recursively in path order.

use std::path::Path;

/// The file kinds a directory walk takes: every input kind the verifier reads.
pub(crate) const EXTENSIONS: [&str; 6] = ["json", "jsonld", "jwt", "jws", "png", "svg"];

/// The arguments with each directory expanded.
///
/// # Errors
/// A directory (or one below it) that cannot be read.
pub(crate) fn expand(arguments: Vec<String>) -> Result<Vec<String>, String> {
    let mut inputs = Vec::with_capacity(arguments.len());
    for argument in arguments {
        let is_url = argument.starts_with("https://") || argument.starts_with("http://");
        if argument != "-" && !is_url && Path::new(&argument).is_dir() {
            walk(Path::new(&argument), &mut inputs)?;
        } else {
            inputs.push(argument);
        }
    }
    Ok(inputs)
}

/// Appends the credential files under `dir`: hidden entries skipped, symbolic links to folders not
/// followed (so a link loop cannot make the walk endless), entries in byte order of their names.
fn walk(dir: &Path, inputs: &mut Vec<String>) -> Result<(), String> {
    let cannot = |e: std::io::Error| format!("cannot read the folder {}: {e}", dir.display());
    let mut entries = std::fs::read_dir(dir).map_err(cannot)?.collect::<Result<Vec<_>, _>>().map_err(cannot)?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(cannot)?;
        if kind.is_dir() {
            walk(&path, inputs)?;
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && is_credential_file(&path) {
            inputs.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

fn is_credential_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|known| known.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_becomes_its_credential_files_in_path_order() {
        let dir = std::env::temp_dir().join(format!("bv-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, bytes) in [
            ("b/2.JSON", "{}"),
            ("b/1.jwt", "x"),
            ("a.png", "x"),
            ("notes.txt", "x"),
            (".hidden/x.json", "{}"),
            ("b/.x.json", "{}"),
            ("c/d/e.svg", "x"),
        ] {
            let full = dir.join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, bytes).unwrap();
        }
        let root = dir.to_string_lossy().into_owned();
        let found =
            expand(vec!["-".into(), root.clone(), "https://x.example/a.json".into(), "nofile.json".into()]).unwrap();
        let expected: Vec<String> = ["a.png", "b/1.jwt", "b/2.JSON", "c/d/e.svg"]
            .iter()
            .map(|p| dir.join(p).to_string_lossy().into_owned())
            .collect();
        assert_eq!(found[0], "-");
        assert_eq!(&found[1..5], &expected[..]);
        assert_eq!(&found[5..], ["https://x.example/a.json", "nofile.json"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
