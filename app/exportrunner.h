// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"

#include <QTemporaryDir>

#include <optional>

class QWidget;

inline constexpr int exitSuccess = 0;
inline constexpr int exitWriteFailed = 1;
inline constexpr int exitBadArguments = 2;

/// Writes every file the command line asks for, without a window or a display: figures are
/// drawn on Qt's offscreen platform unless QT_QPA_PLATFORM names another and a display exists. Each failure is one line on stderr naming
/// the path and the reason; returns exitWriteFailed if any file could not be written.
int runExports(int argc, char *argv[], const CommandLine &commandLine);

/// Qt's platform plugins (offscreen, xcb) want a runtime folder: without XDG_RUNTIME_DIR Qt
/// prints "QStandardPaths: XDG_RUNTIME_DIR not set …" on stderr and makes /tmp/runtime-$USER.
/// A headless run that succeeds prints nothing, so while this lives, an unset or empty
/// XDG_RUNTIME_DIR names a private folder (0700, under the temporary folder), removed with it.
/// Construct it before the application object, so that it outlives it.
class PrivateRuntimeDir
{
public:
    PrivateRuntimeDir();
    ~PrivateRuntimeDir();
    PrivateRuntimeDir(const PrivateRuntimeDir &) = delete;
    PrivateRuntimeDir &operator=(const PrivateRuntimeDir &) = delete;

private:
    std::optional<QTemporaryDir> m_dir;
};

/// Saves `window` as PNG at `path`; exitWriteFailed with a message on stderr on failure.
int saveScreenshot(QWidget &window, const QString &path);
