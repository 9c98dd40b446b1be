// SPDX-License-Identifier: MIT
#include "animationframes.h"


AnimationFrames::AnimationFrames(const elu::Session &session, int curve,
                                 const elu::ParameterSweep &sweep,
                                 const std::function<bool()> &cancelled)
    : m_session(session)
    , m_curve(curve)
    , m_keyword(sweep.keyword)
    , m_values(elu::frameValues(sweep))
    , m_durations(elu::frameDurationsMs(sweep))
    , m_exporter(session)
{
    // A first pass over the frames widens the held axes to every frame's data, and a legend
    // beside the plot to every frame's widest entry; drawing then finds them wide enough for
    // each. (A fixed view in the overlaid layout is not refitted; stacked panels always fit y.)
    m_exporter.setFitHeld(true);
    for (const double value : m_values) {
        if (cancelled && cancelled())
            break;
        m_exporter.setParameter(m_curve, value);
        m_exporter.fit();
    }
}

QSize AnimationFrames::pixelSize() const
{
    // As QCustomPlot::toPixmap rounds: 800 × 1.1 is 880, though the product is 880.0000000000001.
    const elu::FigureOptions &f = m_session.figure;
    return {qRound(f.width * f.scale), qRound(f.height * f.scale)};
}

QImage AnimationFrames::frame(int frame)
{
    if (!m_exporter.setParameter(m_curve, value(frame)))
        return {};
    return m_exporter.image().convertToFormat(QImage::Format_ARGB32);
}

std::vector<quint32> AnimationFrames::drawnColours() const
{
    std::vector<quint32> colours;
    for (const QColor &colour : m_exporter.drawnColours())
        colours.push_back(colour.rgba());
    return colours;
}
