// SPDX-License-Identifier: MIT
#pragma once

#include "figureexporter.h"
#include "parametersweep.h"
#include "session.h"

#include <QImage>

#include <functional>

#include <vector>

/// The frames of an animated figure: `session`'s figure with one curve's parameter at each of
/// the sweep's frame values (elu::frameValues), the other curves still. Frame k is the PNG
/// export of the session with that value, pixel for pixel, except that the axes hold still:
/// when the session's view follows the data, or the layout is stacked (whose panels always fit
/// y), they show every frame's data, and a legend beside the plot (three curves or more, or
/// stacked) is as wide as the widest frame's. (The command line selects the moving curve.)
/// Needs a QApplication (the offscreen platform is enough); draws on the calling thread.
class AnimationFrames
{
public:
    /// `curve` indexes session.spec.curves; its activation has the sweep's keyword. The first
    /// pass over the frames' axes stops early once `cancelled` returns true.
    AnimationFrames(const elu::Session &session, int curve, const elu::ParameterSweep &sweep,
                    const std::function<bool()> &cancelled = {});

    int count() const { return int(m_values.size()); }
    const QString &keyword() const { return m_keyword; }
    double value(int frame) const { return m_values[std::size_t(frame)]; }
    int durationMs(int frame) const { return m_durations[std::size_t(frame)]; }
    QSize pixelSize() const;

    /// Frame `frame`, QImage::Format_ARGB32 (not premultiplied), pixelSize() large; a null image
    /// when the session's spec refuses the frame's value (elu::sweepSpecError says which).
    QImage frame(int frame);
    /// The colours the frames draw, background first (for a GIF's palette), as 0xAARRGGBB.
    std::vector<quint32> drawnColours() const;

private:
    elu::Session m_session;
    int m_curve;
    QString m_keyword;
    std::vector<double> m_values;
    std::vector<int> m_durations;
    FigureExporter m_exporter;
};
