// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QCommandLineParser;
struct CommandLine;

/// The hidden options the window's Export animation passes to its headless renderer.
inline constexpr char animateCurveOption[] = "animate-curve"; ///< N: the curve to move (1-based)
inline constexpr char progressOption[] = "progress"; ///< "progress K N" on stderr per frame

/// Adds --animate's hidden companions to `parser` (--animate, --frames, --duration, --bounce,
/// --gif and --webp are in the option table with the others).
void addHiddenAnimationOptions(QCommandLineParser &parser);

/// Reads --animate KEYWORD=FROM:TO, --frames, --duration and --bounce into `result`, after the
/// curves, the session, the figure options and the --gif and --webp paths. Empty when they are
/// consistent; else one line naming the option and what is accepted:
/// - --gif or --webp needs --animate, --animate needs one of them, and --frames, --duration
///   and --bounce need --animate; --gif is not given a .webp name, nor --webp a .gif one;
/// - exactly one shown curve has KEYWORD (or --animate-curve names it), and FROM, TO and every
///   frame's value are accepted by it and keep the curves distinct;
/// - 2 to 1000 frames, 0.1 to 600 seconds, frames of at least 20 ms; a GIF's are opaque
///   (no transparent theme); a frame holds at most 3840 × 2160 pixels' worth.
QString readAnimationOptions(const QCommandLineParser &parser, CommandLine &result);
