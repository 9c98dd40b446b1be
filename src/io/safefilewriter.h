// SPDX-License-Identifier: MIT
#pragma once

#include "writeerror.h"

#include <QByteArray>
#include <QIODevice>

#include <functional>
#include <optional>
#include <vector>

namespace elu {

/// How writeFileAtomically stages a regular file before it takes the target's name.
enum class Staging {
    /// An unnamed temporary file (O_TMPFILE) where the file system has them, else a named one.
    Automatic,
    /// Always a named temporary file, as on file systems without unnamed ones (NFS, FAT).
    NamedTemporary,
};

/// Writes the file at `path`, which `write` fills; `write` returns false when it could not
/// produce every byte or the device refused a write.
///
/// A regular file, or a new one, is written completely or not at all: missing parent folders
/// are created, the text goes to a temporary file in the target's folder (unnamed where the file
/// system allows it, else ".elu-" and 8 random characters, so a target name of any length up to
/// NAME_MAX works), is flushed to the disk and only then takes the target's name. An existing
/// target keeps its permissions and survives a failure byte for byte; after a failure no
/// temporary file and no folder made for the write remains. In an append-only folder
/// (chattr +a) an existing file is refused before anything is written. A symbolic link is
/// followed: the file it names is replaced, the link stays.
///
/// Targets that are not regular files are written directly, never replaced: FIFOs, character
/// and block devices (a terminal, /dev/null), and the descriptors named /dev/stdout,
/// /dev/stderr, /dev/fd/N and /proc/self/fd/N, which are written at their own position (so a
/// shell's `> file` and `>> file` both work). Such a write may stop part-way; it is reported
/// like any other failure, and SIGPIPE is blocked meanwhile, so a reader that went away is
/// "Broken pipe", not the end of the process. A folder at `path` is refused.
WriteResult writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &write,
                                Staging staging = Staging::Automatic);

/// The folders made for a write: when this object goes without keep() having been called, they
/// are removed again (deepest first, and only while empty), together with the files registered
/// with removeWith(). A failed write thus leaves no folder behind.
class NewFolders
{
public:
    NewFolders() = default;
    ~NewFolders();
    NewFolders(const NewFolders &) = delete;
    NewFolders &operator=(const NewFolders &) = delete;

    /// Makes `folder` and its missing parents. On failure, returns why ("/a/b is a file, not a
    /// folder", "cannot create the folder /a/b/c: Permission denied"); the folders made so far
    /// are removed again.
    std::optional<QString> create(const QString &folder);
    /// Whether create() made a folder, that is, whether the folder it was given is new.
    bool madeAny() const { return !m_folders.empty(); }
    /// A file written into the new folders, to be removed with them.
    void removeWith(const QString &file);
    /// The write succeeded: nothing is removed.
    void keep() { m_kept = true; }

private:
    void removeAll();

    std::vector<QByteArray> m_folders; ///< outermost first
    std::vector<QByteArray> m_files;
    bool m_kept = false;
};

} // namespace elu
