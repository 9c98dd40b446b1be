// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QtGlobal>

#include <vector>

namespace elu {

/// The colour table of an animated GIF of a plot. A plot is a flat background with antialiased
/// ink on it, so almost every pixel is a blend of the background with one theme colour: the
/// table holds the background and, for each ink colour c, a ladder of blends
/// bg + (c − bg)·j/L, j = 1..L (so c itself is exact). Ladders share the entries so that the
/// largest half step, per channel, is as small as it can be (a colour close to the background,
/// such as the grid, needs fewer steps). The entries left over, at least 32 when the theme
/// allows, go to the first frame's frequent colours that the ladders represent worst, such as
/// where two curves cross. Colours are 0xRRGGBB; an alpha byte is ignored.
class GifPalette
{
public:
    static constexpr int tableSize = 256;
    /// Reserved for "unchanged since the previous frame": never the nearest colour of anything.
    static constexpr uchar transparentIndex = tableSize - 1;
    /// Entries the ladders leave for frequent colours, when there are enough.
    static constexpr int reservedForFrequent = 32;

    /// The background first, then the ink colours (text, axes, grid, each curve's colour).
    /// Without a background the table starts from white.
    explicit GifPalette(const std::vector<quint32> &themeColours);

    /// Fills the free entries with colours of `histogram` (colour → pixel count) that the table
    /// represents worst, weighted by their counts; never with one that would raise
    /// blendErrorBound().
    void addFrequentColours(const QHash<quint32, qint64> &histogram);

    /// Entries in use, from index 0 (the background); the transparent index is not one of them.
    int colourCount() const { return int(m_entries.size()); }
    quint32 colour(int index) const { return m_entries[size_t(index)]; }
    /// The entry nearest to rgb by squared RGB distance (the first of equals). No dithering.
    uchar nearest(quint32 rgb) const;
    /// L for each distinct ink colour, in the theme's order.
    const std::vector<int> &ladderSteps() const { return m_steps; }

    /// The largest per-channel difference between a pixel and its entry, over every pixel
    /// within one unit (per channel) of a blend bg + (c − bg)·t, t in [0, 1], of the background
    /// with one ink colour: about half a ladder step, so any renderer's rounding is covered.
    /// Computed over all such pixels, and it stays true after addFrequentColours.
    int blendErrorBound() const { return m_bound; }

private:
    int nearestDistance(quint32 rgb) const;

    std::vector<quint32> m_entries;
    std::vector<int> m_steps;
    std::vector<quint32> m_blendPixels; // every pixel blendErrorBound() speaks for
    int m_bound = 0;
};

} // namespace elu
