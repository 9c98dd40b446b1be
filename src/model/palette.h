// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <array>

namespace elu::palette {

// Okabe & Ito (2008), colour-blind safe, as 0xRRGGBB: the window, its figures and the LaTeX
// export draw with these.
inline constexpr quint32 blue = 0x0072B2;
inline constexpr quint32 vermillion = 0xD55E00;
inline constexpr quint32 bluishGreen = 0x009E73;
inline constexpr quint32 reddishPurple = 0xCC79A7;
inline constexpr quint32 orange = 0xE69F00;
inline constexpr quint32 skyBlue = 0x56B4E9;
inline constexpr quint32 yellow = 0xF0E442;

/// Ink of light figures: the eighth colour slot, after the seven colours.
inline constexpr quint32 lightInk = 0x202020;

/// The curve colours on a light background, slot by slot (slot 7 is lightInk): blue and
/// vermillion first, as a single curve's f and f′; yellow late, for it is faint on white.
inline constexpr std::array<quint32, 7> lightCurves = {
    blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, yellow};
/// The same slots on a dark background.
inline constexpr std::array<quint32, 7> darkCurves = {
    skyBlue, orange, bluishGreen, reddishPurple, yellow, vermillion, blue};

/// The light colour of `slot` (0 to 7; anything else is lightInk).
constexpr quint32 lightCurveColour(int slot)
{
    return slot >= 0 && slot < int(lightCurves.size()) ? lightCurves[std::size_t(slot)] : lightInk;
}

} // namespace elu::palette
