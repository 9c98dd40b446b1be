// SPDX-License-Identifier: MIT
#include "momentsplot.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

// Tick values at a 1, 2 or 5 step covering [lo, hi], about `wanted` of them.
std::vector<double> ticks(double lo, double hi, int wanted)
{
    std::vector<double> values;
    if (!(hi > lo))
        return values;
    const double raw = (hi - lo) / std::max(1, wanted);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= raw)
            break;
    }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        values.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return values;
}

QString tickText(double value)
{
    return QString::number(value, 'g', 4);
}

} // namespace

struct MomentsPlot::Frame
{
    QRectF plot;
    double xLo = 0, xHi = 1, yLo = 0, yHi = 1;
    std::vector<double> xTicks, yTicks;

    QPointF map(double x, double y) const
    {
        return {plot.left() + (x - xLo) / (xHi - xLo) * plot.width(),
                plot.bottom() - (y - yLo) / (yHi - yLo) * plot.height()};
    }
};

MomentsPlot::MomentsPlot(QWidget *parent)
    : QWidget(parent)
    , m_markerX(notANumber)
    , m_markerMean(notANumber)
    , m_markerVariance(notANumber)
{
    setAccessibleName(tr("Mean and variance against the parameter"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void MomentsPlot::setSeries(Series series)
{
    m_series = std::move(series);
    update();
}

void MomentsPlot::setMarker(double parameter, double mean, double variance)
{
    m_markerX = parameter;
    m_markerMean = mean;
    m_markerVariance = variance;
    update();
}

void MomentsPlot::setNote(const QString &note)
{
    m_note = note;
    update();
}

MomentsPlot::Frame MomentsPlot::frameFor(const QRectF &area, const QFontMetricsF &metrics) const
{
    Frame frame;
    const std::vector<double> &xs = m_series.parameters;
    if (xs.size() >= 2) {
        frame.xLo = xs.front();
        frame.xHi = xs.back();
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto include = [&](double v) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    for (const std::vector<double> *values : {&m_series.means, &m_series.variances})
        std::for_each(values->begin(), values->end(), include);
    include(m_markerMean);
    include(m_markerVariance);
    include(0.0); // the zero line is what the ELU paper's claim is about
    if (!(hi > lo))
        hi = lo + 1.0;
    const double pad = 0.06 * (hi - lo);
    frame.yLo = lo - pad;
    frame.yHi = hi + pad;
    frame.yTicks = ticks(frame.yLo, frame.yHi, 6);
    frame.xTicks = ticks(frame.xLo, frame.xHi, 5);

    double labelWidth = 0;
    for (double y : frame.yTicks)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(tickText(y)));
    const double line = metrics.height();
    frame.plot = area.adjusted(labelWidth + 8, 1.6 * line, -8, -(2.2 * line + 4));
    return frame;
}

void MomentsPlot::paint(QPainter &painter, const QRectF &area, const PlotStyle &style) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (style.background.alpha() > 0)
        painter.fillRect(area, style.background);
    QFont font = painter.font();
    if (style.fontPixelSize > 0)
        font.setPixelSize(style.fontPixelSize);
    if (!style.fontFamily.isEmpty())
        font.setFamily(style.fontFamily);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    painter.setPen(style.ink);
    if (!m_note.isEmpty() || m_series.parameters.size() < 2) {
        painter.drawText(area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_note);
        painter.restore();
        return;
    }
    const Frame frame = frameFor(area, metrics);
    const QRectF &plot = frame.plot;
    const double line = metrics.height();

    // Grid, zero line, frame and tick labels.
    painter.setPen(QPen(style.grid, 1));
    for (double y : frame.yTicks)
        painter.drawLine(QPointF(plot.left(), frame.map(0, y).y()),
                         QPointF(plot.right(), frame.map(0, y).y()));
    for (double x : frame.xTicks)
        painter.drawLine(QPointF(frame.map(x, 0).x(), plot.top()),
                         QPointF(frame.map(x, 0).x(), plot.bottom()));
    painter.setPen(QPen(style.zeroLine, 1));
    painter.drawLine(QPointF(plot.left(), frame.map(0, 0).y()),
                     QPointF(plot.right(), frame.map(0, 0).y()));
    painter.setPen(QPen(style.ink, 1));
    painter.drawRect(plot);
    for (double y : frame.yTicks)
        painter.drawText(QRectF(area.left(), frame.map(0, y).y() - line / 2,
                                plot.left() - area.left() - 6, line),
                         Qt::AlignRight | Qt::AlignVCenter, tickText(y));
    for (double x : frame.xTicks)
        painter.drawText(QRectF(frame.map(x, 0).x() - 40, plot.bottom() + 3, 80, line),
                         Qt::AlignHCenter | Qt::AlignTop, tickText(x));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 3 + line, plot.width(), line),
                     Qt::AlignHCenter | Qt::AlignTop, m_series.parameterSymbol);

    // The two curves, clipped to the frame; a gap where a value is not finite.
    painter.save();
    painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
    const double width = std::max(1.5, style.lineWidth);
    const struct
    {
        const std::vector<double> &values;
        QColor colour;
        Qt::PenStyle pen;
        QString label;
        double marked;
    } curves[] = {
        {m_series.means, style.eluColor, Qt::SolidLine, tr("E[f(X)]"), m_markerMean},
        {m_series.variances, style.derivativeColor, Qt::DashLine, tr("Var[f(X)]"),
         m_markerVariance},
    };
    for (const auto &curve : curves) {
        QPainterPath path;
        bool drawing = false;
        for (std::size_t i = 0; i < m_series.parameters.size() && i < curve.values.size(); ++i) {
            if (!std::isfinite(curve.values[i])) {
                drawing = false;
                continue;
            }
            const QPointF point = frame.map(m_series.parameters[i], curve.values[i]);
            drawing ? path.lineTo(point) : path.moveTo(point);
            drawing = true;
        }
        painter.setPen(QPen(curve.colour, width, curve.pen, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    }
    if (std::isfinite(m_markerX)) {
        painter.setPen(QPen(style.ink, 1, Qt::DotLine));
        const double x = frame.map(m_markerX, 0).x();
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        for (const auto &curve : curves) {
            if (!std::isfinite(curve.marked))
                continue;
            painter.setPen(QPen(style.ink, 1));
            painter.setBrush(curve.colour);
            painter.drawEllipse(frame.map(m_markerX, curve.marked), 3.5 * width / 2,
                                3.5 * width / 2);
        }
    }
    painter.restore();

    // The legend above the frame: a short line of each curve's style, then its name.
    double x = plot.left();
    const double y = area.top() + 0.8 * line;
    for (const auto &curve : curves) {
        painter.setPen(QPen(curve.colour, width, curve.pen, Qt::FlatCap));
        painter.drawLine(QPointF(x, y), QPointF(x + 2 * line, y));
        painter.setPen(style.ink);
        const QRectF text(x + 2 * line + 4, y - line / 2,
                          metrics.horizontalAdvance(curve.label) + 2, line);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, curve.label);
        x = text.right() + line;
    }
    painter.restore();
}

QPointF MomentsPlot::markerPosition() const
{
    if (!m_note.isEmpty() || m_series.parameters.size() < 2 || !std::isfinite(m_markerX))
        return {-1, -1};
    const Frame frame = frameFor(rect(), QFontMetricsF(font()));
    return frame.map(m_markerX, m_markerMean);
}

void MomentsPlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect(), PlotStyle::forPalette(palette()));
}
