// SPDX-License-Identifier: MIT
#include "animationframes.h"

#include <cmath>

AnimationFrames::AnimationFrames(const elu::Session &session, int curve,
                                 const elu::ParameterSweep &sweep)
    : m_session(session)
    , m_curve(curve)
    , m_values(elu::frameValues(sweep))
    , m_durations(elu::frameDurationsMs(sweep))
    , m_exporter(session)
{
    // A first pass over the frames widens the held axes to every frame's data; drawing then
    // finds them wide enough for each. Stacked panels always fit y, so they need it too.
    if (session.view.fitsData || session.layout == elu::PlotLayout::Stacked) {
        m_exporter.setFitHeld(true);
        for (const double value : m_values) {
            m_exporter.setParameter(m_curve, value);
            m_exporter.fit();
        }
    }
}

QSize AnimationFrames::pixelSize() const
{
    const elu::FigureOptions &f = m_session.figure;
    return {int(std::ceil(f.width * f.scale)), int(std::ceil(f.height * f.scale))};
}

QImage AnimationFrames::frame(int frame)
{
    m_exporter.setParameter(m_curve, value(frame));
    // A new exporter samples twice before drawing (at construction, then at the figure's
    // columns); the curves' antialiased edges differ by a pixel's shade unless a frame does too.
    m_exporter.fit();
    return m_exporter.image().convertToFormat(QImage::Format_ARGB32);
}

std::vector<quint32> AnimationFrames::drawnColours() const
{
    std::vector<quint32> colours;
    for (const QColor &colour : m_exporter.drawnColours())
        colours.push_back(colour.rgba());
    return colours;
}
