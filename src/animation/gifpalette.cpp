// SPDX-License-Identifier: MIT
#include "gifpalette.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace elu {

namespace {

int channel(quint32 rgb, int ch)
{
    return int((rgb >> (16 - 8 * ch)) & 0xFF);
}

quint32 rgbOf(int r, int g, int b)
{
    return quint32(r) << 16 | quint32(g) << 8 | quint32(b);
}

int distance2(quint32 a, quint32 b)
{
    int sum = 0;
    for (int ch = 0; ch < 3; ++ch) {
        const int d = channel(a, ch) - channel(b, ch);
        sum += d * d;
    }
    return sum;
}

int maxChannelError(quint32 a, quint32 b)
{
    int worst = 0;
    for (int ch = 0; ch < 3; ++ch)
        worst = std::max(worst, std::abs(channel(a, ch) - channel(b, ch)));
    return worst;
}

/// Every integer pixel within one unit, per channel, of the segment from bg to ink: between
/// two consecutive parameters where some channel crosses an integer, each channel's floor and
/// ceiling are fixed, so the 8 combinations at the midpoints are all of them.
void appendBlendPixels(quint32 bg, quint32 ink, std::vector<quint32> &out)
{
    std::vector<double> ts{0.0, 1.0};
    for (int ch = 0; ch < 3; ++ch) {
        const int from = channel(bg, ch);
        const int d = channel(ink, ch) - from;
        for (int m = std::min(from, from + d) + 1; m < std::max(from, from + d); ++m)
            ts.push_back(double(m - from) / d);
    }
    std::sort(ts.begin(), ts.end());
    ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
    for (size_t i = 0; i + 1 < ts.size(); ++i) {
        const double t = (ts[i] + ts[i + 1]) / 2;
        int lo[3], hi[3];
        for (int ch = 0; ch < 3; ++ch) {
            const double x = channel(bg, ch) + t * (channel(ink, ch) - channel(bg, ch));
            lo[ch] = int(std::floor(x));
            hi[ch] = int(std::ceil(x));
        }
        for (int k = 0; k < 8; ++k)
            out.push_back(
                rgbOf(k & 1 ? hi[0] : lo[0], k & 2 ? hi[1] : lo[1], k & 4 ? hi[2] : lo[2]));
    }
}

} // namespace

GifPalette::GifPalette(const std::vector<quint32> &themeColours)
{
    const quint32 bg = themeColours.empty() ? 0xFFFFFFu : themeColours.front() & 0xFFFFFFu;
    m_entries.push_back(bg);

    std::vector<quint32> inks;
    for (size_t i = 1; i < themeColours.size(); ++i) {
        const quint32 c = themeColours[i] & 0xFFFFFFu;
        if (c != bg && std::find(inks.begin(), inks.end(), c) == inks.end())
            inks.push_back(c);
    }
    const int usable = tableSize - 1 - 1; // the transparent index and the background
    const int budget = std::max(usable - reservedForFrequent, std::min(int(inks.size()), usable));
    if (int(inks.size()) > budget)
        inks.resize(size_t(budget));

    // Minimise the largest step: each entry goes to the ladder whose per-channel step
    // (largest channel difference / L) is largest; more steps than units would repeat entries.
    std::vector<int> span;
    for (quint32 c : inks)
        span.push_back(maxChannelError(bg, c));
    m_steps.assign(inks.size(), 1);
    for (int spent = int(inks.size()); spent < budget; ++spent) {
        int best = -1;
        for (size_t i = 0; i < inks.size(); ++i) {
            if (m_steps[i] >= span[i])
                continue;
            if (best < 0
                || qint64(span[i]) * m_steps[size_t(best)]
                       > qint64(span[size_t(best)]) * m_steps[i])
                best = int(i);
        }
        if (best < 0)
            break;
        ++m_steps[size_t(best)];
    }

    for (size_t i = 0; i < inks.size(); ++i) {
        const int steps = m_steps[i];
        for (int j = 1; j <= steps; ++j) {
            int rgb[3];
            for (int ch = 0; ch < 3; ++ch) {
                const int from = channel(bg, ch);
                rgb[ch] = int(std::lround(from + double(channel(inks[i], ch) - from) * j / steps));
            }
            m_entries.push_back(rgbOf(rgb[0], rgb[1], rgb[2]));
        }
        appendBlendPixels(bg, inks[i], m_blendPixels);
    }
    std::sort(m_blendPixels.begin(), m_blendPixels.end());
    m_blendPixels.erase(std::unique(m_blendPixels.begin(), m_blendPixels.end()),
                        m_blendPixels.end());
    for (quint32 p : m_blendPixels)
        m_bound = std::max(m_bound, maxChannelError(p, m_entries[nearest(p)]));
}

uchar GifPalette::nearest(quint32 rgb) const
{
    rgb &= 0xFFFFFFu;
    int best = 0;
    int bestDistance = distance2(rgb, m_entries.front());
    for (size_t i = 1; i < m_entries.size() && bestDistance > 0; ++i) {
        const int d = distance2(rgb, m_entries[i]);
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return uchar(best);
}

int GifPalette::nearestDistance(quint32 rgb) const
{
    return distance2(rgb & 0xFFFFFFu, m_entries[nearest(rgb)]);
}

void GifPalette::addFrequentColours(const QHash<quint32, qint64> &histogram)
{
    struct Candidate
    {
        quint32 rgb;
        qint64 count;
        int distance; // squared, to the nearest entry so far
    };
    std::vector<Candidate> candidates;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
        const int d = nearestDistance(it.key());
        if (d > 0)
            candidates.push_back({it.key() & 0xFFFFFFu, it.value(), d});
    }
    std::vector<int> blendDistance;
    for (quint32 p : m_blendPixels)
        blendDistance.push_back(nearestDistance(p));

    while (int(m_entries.size()) < transparentIndex) {
        auto worst = std::max_element(candidates.begin(), candidates.end(),
                                      [](const Candidate &a, const Candidate &b) {
                                          return a.count * a.distance < b.count * b.distance;
                                      });
        if (worst == candidates.end() || worst->distance == 0)
            break;
        const quint32 c = worst->rgb;
        // Entries after the ladders win only when strictly nearer, as nearest() scans.
        bool keepsBound = true;
        for (size_t i = 0; i < m_blendPixels.size() && keepsBound; ++i)
            keepsBound = distance2(m_blendPixels[i], c) >= blendDistance[i]
                         || maxChannelError(m_blendPixels[i], c) <= m_bound;
        if (!keepsBound) {
            worst->distance = 0;
            continue;
        }
        m_entries.push_back(c);
        for (size_t i = 0; i < m_blendPixels.size(); ++i)
            blendDistance[i] = std::min(blendDistance[i], distance2(m_blendPixels[i], c));
        for (Candidate &other : candidates)
            other.distance = std::min(other.distance, distance2(other.rgb, c));
    }
}

} // namespace elu
