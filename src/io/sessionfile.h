// SPDX-License-Identifier: MIT
#pragma once

#include "session.h"
#include "writeerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace elu {

/// The session file (`*.elusession`) of docs/contract.md: UTF-8 JSON, one object:
///
///     {
///       "format": "elu-explorer-session",
///       "version": 1,
///       "generator": "elu-explorer 1.0.0",
///       "curves": [
///         {"activation": "elu", "alpha": 1, "colour_slot": 0, "visible": true},
///         {"activation": "relu", "colour_slot": 1, "colour": "#cc0033", "visible": false}
///       ],
///       "selected_curve": 0,
///       "xmin": -2,
///       "xmax": 2,
///       "points": 1000,
///       "view": {"x_lower": -2, "x_upper": 2, "y_lower": -1, "y_upper": 1, "fits_data": true},
///       "layout": "overlaid",
///       "statistics": {"mu": 0, "sigma": 1},
///       "figure": {"width": 800, "height": 600, "scale": 2, "theme": "light"}
///     }
///
/// Required: "format" (exactly "elu-explorer-session"), "version" (a whole number, at most
/// sessionFormatVersion), "curves" (1 to 8 objects) and each curve's "activation" (a catalogue
/// name). Every other key may be left out and takes the Session default: a curve's parameter
/// (under its keyword: "alpha", "negative_slope", "beta") the activation's default,
/// "colour_slot" the curve's index, no custom "colour" (null also means none), "visible"
/// true; "selected_curve" 0; the article's range and points; a view that fits the data;
/// overlaid; μ = 0, σ = 1; an 800 × 600 light figure at scale 2. Unknown keys anywhere are
/// ignored ("generator" is informational), so later versions may add keys. Numbers are read
/// and written exactly (shortest round-trip form, −0.0 as "-0.0").
inline constexpr int sessionFormatVersion = 1;
inline constexpr char sessionFormatName[] = "elu-explorer-session";

namespace limits {
/// A session file is a few kilobytes; anything above this is refused unread.
inline constexpr qint64 sessionBytesMax = 1 << 20;
/// Arrays and objects nest at most this deep in a session file (the format uses 3).
inline constexpr int sessionDepthMax = 16;
} // namespace limits

/// What readSession read: a session that passes validate(), or why the bytes are refused.
struct SessionReadResult
{
    std::optional<Session> session;
    QString error; ///< empty on success; names the key or the byte offset, never the path
};

/// Reads a session file's bytes. Refuses, with one line naming the key or the offset: bytes
/// over limits::sessionBytesMax, text that is not JSON ("not JSON at byte 57: a ',' or '}' is
/// expected"), another format, a newer version ("version 2 is newer than this ELU Explorer
/// reads (1)"), a missing required key, a value of the wrong type or out of range
/// ("curves[2].alpha: 200 is not accepted: alpha must be a finite number from 0 to 100"), a
/// known key given twice, and a session that fails validate(). Never crashes, whatever the
/// bytes; time and memory are linear in their size.
SessionReadResult readSession(QByteArrayView bytes);

/// Reads the regular file at `path` with readSession; a file that cannot be opened, is not a
/// regular file or is larger than limits::sessionBytesMax is refused with the reason.
SessionReadResult readSessionFile(const QString &path);

/// The file's bytes for a valid `session` (validate() empty): the keys in the order above,
/// every key written (a curve's parameter only for activations that have one, "colour" only
/// when set), numbers in shortest round-trip form, ending with a newline. readSession of the
/// bytes gives `session` back bit for bit, except that a parameter of an activation without
/// one reads back as 0.
QByteArray sessionBytes(const Session &session);

/// Writes sessionBytes at `path` completely or not at all (writeFileAtomically). An invalid
/// `session` is refused without touching the file.
WriteResult saveSession(const QString &path, const Session &session);

} // namespace elu
