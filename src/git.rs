//! Reading a git repository through the `git` command: a file at a revision, the files that
//! changed between two revisions (or a revision and the working tree), the repository root.
//!
//! Everything runs `git` as a child process in the current directory, with messages in the C
//! locale so they can be recognised; nothing here writes to the repository. Every failure is a
//! [`GitError`] whose `Display` is one line naming the revision, path or folder at fault.

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Why git could not answer. Its `Display` is the one line a user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// The folder is not inside a git repository.
    NotRepository(String),
    /// The revision names no commit.
    UnknownRevision(String),
    /// The path does not exist at the revision.
    NoSuchFile { rev: String, path: String },
    /// The path is a folder at the revision.
    NotAFile { rev: String, path: String },
    /// `git` could not be run, or failed in another way (its first line of stderr).
    Failed(String),
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::NotRepository(dir) => write!(f, "{dir}: not a git repository"),
            GitError::UnknownRevision(rev) => {
                write!(
                    f,
                    "{rev}: unknown revision (not a commit in this repository)"
                )
            }
            GitError::NoSuchFile { rev, path } => write!(f, "{path}: no such file at {rev}"),
            GitError::NotAFile { rev, path } => {
                write!(f, "{path}: is a directory at {rev}, not a file")
            }
            GitError::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for GitError {}

/// How a file changed between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Modified,
    Renamed,
}

/// One changed file; paths are relative to the repository root, with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// The path in the newer version.
    pub path: String,
    pub kind: ChangeKind,
    /// The path in the older version: `None` for an added file.
    pub old_path: Option<String>,
}

/// Splits `REV:PATH` into its parts, when the revision and the path are both non-empty.
/// (Whether the name is rather an existing file is for the caller to decide first.)
pub fn split_rev_path(name: &str) -> Option<(&str, &str)> {
    let (rev, path) = name.split_once(':')?;
    (!rev.is_empty() && !path.is_empty()).then_some((rev, path))
}

/// Runs git with the given arguments and optional standard input; gives its stdout, or its
/// stderr's first line as the error.
fn git(args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, (Option<i32>, String)> {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| (None, format!("cannot run git: {e}")))?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A git that exits early closes the pipe; its stderr then says why.
        let _ = stdin.write_all(bytes);
    }
    let output = child
        .wait_with_output()
        .map_err(|e| (None, format!("cannot run git: {e}")))?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .trim_start_matches("fatal: ")
        .trim_start_matches("error: ")
        .to_string();
    Err((output.status.code(), first))
}

fn failed(what: &str, message: String) -> GitError {
    if message.starts_with("not a git repository") {
        let dir = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| ".".to_string());
        GitError::NotRepository(dir)
    } else if message.starts_with("cannot run git") {
        GitError::Failed(message)
    } else {
        GitError::Failed(format!("git {what} failed: {message}"))
    }
}

/// The root folder of the repository holding the current directory.
pub fn root() -> Result<PathBuf, GitError> {
    let out =
        git(&["rev-parse", "--show-toplevel"], None).map_err(|(_, m)| failed("rev-parse", m))?;
    let text = String::from_utf8(out)
        .map_err(|_| GitError::Failed("git rev-parse: the repository path is not UTF-8".into()))?;
    Ok(PathBuf::from(text.trim_end_matches(['\n', '\r'])))
}

/// The full hash of the commit a revision names.
pub fn resolve(rev: &str) -> Result<String, GitError> {
    if rev.is_empty() || rev.starts_with('-') {
        return Err(GitError::UnknownRevision(rev.to_string()));
    }
    let spec = format!("{rev}^{{commit}}");
    match git(&["rev-parse", "--verify", "--quiet", &spec], None) {
        Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
        // `--quiet` leaves stderr empty for a revision that does not exist.
        Err((Some(1), m)) if m == "no message" => Err(GitError::UnknownRevision(rev.to_string())),
        Err((_, m)) if m.starts_with("not a git repository") || m.starts_with("cannot run git") => {
            Err(failed("rev-parse", m))
        }
        Err(_) => Err(GitError::UnknownRevision(rev.to_string())),
    }
}

/// The commit where `head` left `base` (`git merge-base`), or `None` for unrelated histories.
pub fn merge_base(base: &str, head: &str) -> Result<Option<String>, GitError> {
    match git(&["merge-base", base, head], None) {
        Ok(out) => Ok(Some(String::from_utf8_lossy(&out).trim().to_string())),
        Err((Some(1), _)) => Ok(None),
        Err((_, m)) => Err(failed("merge-base", m)),
    }
}

/// The bytes of a file at a revision, as `git show REV:PATH` gives them: the path is relative
/// to the repository root (or to the current directory when it starts with `./` or `../`).
pub fn show(rev: &str, path: &str) -> Result<Vec<u8>, GitError> {
    let commit = resolve(rev)?;
    if path.contains(['\n', '\r']) {
        return Err(GitError::NoSuchFile {
            rev: rev.to_string(),
            path: path.to_string(),
        });
    }
    let request = format!("{commit}:{path}\n");
    let out = git(&["cat-file", "--batch"], Some(request.as_bytes()))
        .map_err(|(_, m)| failed("cat-file", m))?;
    // `<oid> <type> <size>\n<contents>\n`, or `<name> missing\n`.
    let header_end = out
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| GitError::Failed("git cat-file: no answer".into()))?;
    let header = String::from_utf8_lossy(&out[..header_end]).to_string();
    let fields: Vec<&str> = header.split(' ').collect();
    match fields.as_slice() {
        [_, "blob", size] => {
            let size: usize = size.parse().map_err(|_| {
                GitError::Failed(format!("git cat-file: unexpected answer {header:?}"))
            })?;
            let start = header_end + 1;
            out.get(start..start + size)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| GitError::Failed("git cat-file: the answer was cut short".into()))
        }
        [_, "tree", _] => Err(GitError::NotAFile {
            rev: rev.to_string(),
            path: path.to_string(),
        }),
        _ => Err(GitError::NoSuchFile {
            rev: rev.to_string(),
            path: path.to_string(),
        }),
    }
}

/// The files added, modified (content or type) or renamed between `base` and `head` (a
/// revision, or the working tree when `None`; untracked files are not part of it), limited to
/// `pathspecs` when any are given. Deleted files are left out. Sorted by path.
pub fn changed_files(
    base: &str,
    head: Option<&str>,
    pathspecs: &[String],
) -> Result<Vec<Change>, GitError> {
    let mut args = vec![
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--no-ext-diff",
        "--no-textconv",
        "--no-color",
        "--no-relative",
        "--ignore-submodules",
        "--diff-filter=AMRT",
        base,
    ];
    if let Some(head) = head {
        args.push(head);
    }
    args.push("--");
    args.extend(pathspecs.iter().map(String::as_str));
    let out = git(&args, None).map_err(|(_, m)| failed("diff", m))?;
    let text = String::from_utf8(out)
        .map_err(|_| GitError::Failed("git diff: a changed path is not UTF-8".into()))?;
    parse_name_status(&text)
}

/// Parses `git diff --name-status -z`: a status, then one path (two for renames and copies).
fn parse_name_status(text: &str) -> Result<Vec<Change>, GitError> {
    let mut fields = text.split('\0').filter(|f| !f.is_empty());
    let mut changes = Vec::new();
    while let Some(status) = fields.next() {
        let mut path = || {
            fields.next().map(str::to_string).ok_or_else(|| {
                GitError::Failed(format!("git diff: status {status} without a path"))
            })
        };
        let change = match status.chars().next() {
            Some('A') => Change {
                path: path()?,
                kind: ChangeKind::Added,
                old_path: None,
            },
            Some('M' | 'T') => {
                let p = path()?;
                Change {
                    path: p.clone(),
                    kind: ChangeKind::Modified,
                    old_path: Some(p),
                }
            }
            Some('R') => {
                let old = path()?;
                Change {
                    path: path()?,
                    kind: ChangeKind::Renamed,
                    old_path: Some(old),
                }
            }
            Some('C') => {
                let _from = path()?;
                Change {
                    path: path()?,
                    kind: ChangeKind::Added,
                    old_path: None,
                }
            }
            _ => {
                // D, U, X: a path we do not check.
                path()?;
                continue;
            }
        };
        changes.push(change);
    }
    changes.sort();
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_rev_and_path() {
        assert_eq!(
            split_rev_path("HEAD~3:articles/a.md"),
            Some(("HEAD~3", "articles/a.md"))
        );
        assert_eq!(
            split_rev_path("origin/main:a:b.md"),
            Some(("origin/main", "a:b.md"))
        );
        assert_eq!(split_rev_path(":a.md"), None);
        assert_eq!(split_rev_path("HEAD:"), None);
        assert_eq!(split_rev_path("plain.md"), None);
    }

    #[test]
    fn parses_name_status() {
        let text = "M\0b.md\0A\0a.md\0R093\0old.md\0new.md\0D\0gone.md\0";
        let changes = parse_name_status(text).unwrap();
        assert_eq!(
            changes,
            [
                Change {
                    path: "a.md".into(),
                    kind: ChangeKind::Added,
                    old_path: None
                },
                Change {
                    path: "b.md".into(),
                    kind: ChangeKind::Modified,
                    old_path: Some("b.md".into())
                },
                Change {
                    path: "new.md".into(),
                    kind: ChangeKind::Renamed,
                    old_path: Some("old.md".into())
                },
            ]
        );
        assert!(parse_name_status("M\0").is_err());
        assert!(parse_name_status("").unwrap().is_empty());
    }

    #[test]
    fn errors_are_one_line() {
        let errors = [
            GitError::NotRepository("/tmp/x".into()),
            GitError::UnknownRevision("nope".into()),
            GitError::NoSuchFile {
                rev: "HEAD".into(),
                path: "a.md".into(),
            },
            GitError::NotAFile {
                rev: "HEAD".into(),
                path: "docs".into(),
            },
        ];
        for e in errors {
            assert!(!e.to_string().contains('\n'));
        }
        assert_eq!(
            GitError::UnknownRevision("nope".into()).to_string(),
            "nope: unknown revision (not a commit in this repository)"
        );
        assert_eq!(
            resolve("--help"),
            Err(GitError::UnknownRevision("--help".into()))
        );
    }
}
