// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"

class QWidget;

inline constexpr int exitSuccess = 0;
inline constexpr int exitWriteFailed = 1;
inline constexpr int exitBadArguments = 2;

/// Writes every file the command line asks for, without a window or a display: figures are
/// drawn on Qt's offscreen platform unless QT_QPA_PLATFORM names another and a display exists. Each failure is one line on stderr naming
/// the path and the reason; returns exitWriteFailed if any file could not be written.
int runExports(int argc, char *argv[], const CommandLine &commandLine);

/// Saves `window` as PNG at `path`; exitWriteFailed with a message on stderr on failure.
int saveScreenshot(QWidget &window, const QString &path);
