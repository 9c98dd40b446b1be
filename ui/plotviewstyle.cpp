// SPDX-License-Identifier: MIT
// PlotView's look: graphs, the marked kink at 0, axes and colours.
#include "plotview.h"

#include "elu.h"

#include <qcustomplot.h>

namespace {

// Tick labels with a true minus sign (U+2212), as typeset mathematics has it.
class MinusSignTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override
    {
        return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision)
            .replace(QLatin1Char('-'), QChar(0x2212));
    }
};

void styleAxis(QCPAxis *axis, const PlotStyle &style, const QFont &font)
{
    const QPen inkPen(style.ink, 1);
    axis->setBasePen(inkPen);
    axis->setTickPen(inkPen);
    axis->setSubTickPen(inkPen);
    axis->setTickLabelColor(style.ink);
    axis->setLabelColor(style.ink);
    axis->setTickLabelFont(font);
    axis->setLabelFont(font);
    axis->grid()->setPen(QPen(style.grid, 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(Qt::NoPen); // the zero lines are items of their own
}

} // namespace

void PlotView::createGraphs()
{
    m_eluGraph = m_plot->addGraph();
    m_derivativeGraph = m_plot->addGraph();
    for (QCPGraph *graph : {m_eluGraph, m_derivativeGraph})
        graph->setAdaptiveSampling(false); // we already hand it only what the pixels show
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setTicker(QSharedPointer<MinusSignTicker>::create());
}

void PlotView::createKinkMarkers()
{
    // ELU′(0) = α is attained (a filled disc); the right-hand limit 1 is not (an open circle).
    m_attainedGraph = m_plot->addGraph();
    m_limitGraph = m_plot->addGraph();
    for (QCPGraph *graph : {m_attainedGraph, m_limitGraph}) {
        graph->setLineStyle(QCPGraph::lsNone);
        graph->removeFromLegend();
    }
    // Labels sit above their point and away from x = 0, where neither curve runs.
    m_leftLimitLabel = new QCPItemText(m_plot);
    m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_rightLimitLabel = new QCPItemText(m_plot);
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_xZeroLine = new QCPItemStraightLine(m_plot);
    m_xZeroLine->point1->setCoords(0, 0);
    m_xZeroLine->point2->setCoords(0, 1);
    m_yZeroLine = new QCPItemStraightLine(m_plot);
    m_yZeroLine->point1->setCoords(0, 0);
    m_yZeroLine->point2->setCoords(1, 0);
    m_xZeroLine->setLayer(QStringLiteral("grid")); // behind the curves
    m_yZeroLine->setLayer(QStringLiteral("grid"));
}

void PlotView::setPlotStyle(const PlotStyle &style)
{
    m_followsSystemPalette = false; // a chosen style (a figure's) stays when the palette changes
    applyStyle(style);
}

void PlotView::applyStyle(const PlotStyle &style)
{
    m_style = style;
    QFont font = this->font();
    if (!style.fontFamily.isEmpty())
        font.setFamily(style.fontFamily);
    if (style.fontPixelSize > 0)
        font.setPixelSize(style.fontPixelSize);
    const bool transparent = style.background.alpha() == 0;
    m_plot->setBackground(transparent ? QBrush(Qt::NoBrush) : QBrush(style.background));
    m_plot->axisRect()->setBackground(Qt::NoBrush);
    styleAxis(m_plot->xAxis, style, font);
    styleAxis(m_plot->yAxis, style, font);
    m_plot->legend->setFont(font);
    m_plot->legend->setTextColor(style.ink);
    // A transparent figure's legend keeps a light, translucent box so grid lines stay behind it.
    m_plot->legend->setBrush(transparent ? QColor(255, 255, 255, 210) : style.background);
    m_plot->legend->setBorderPen(QPen(style.grid, 1));

    m_eluGraph->setPen(
        QPen(style.eluColor, style.lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_derivativeGraph->setPen(
        QPen(style.derivativeColor, style.lineWidth, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin));
    const QPen markerPen(style.derivativeColor, style.lineWidth);
    const double markerSize = 4 * style.lineWidth;
    m_attainedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, markerPen,
                                                     QBrush(style.derivativeColor), markerSize));
    m_limitGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, markerPen,
                        transparent ? QBrush(Qt::NoBrush) : QBrush(style.background), markerSize));
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        label->setColor(style.derivativeColor);
        label->setFont(font);
        label->setPadding(QMargins(int(3 * style.lineWidth), int(4 * style.lineWidth),
                                   int(3 * style.lineWidth), int(4 * style.lineWidth)));
    }
    const QPen zeroPen(style.zeroLine, 1, Qt::SolidLine);
    m_xZeroLine->setPen(zeroPen);
    m_yZeroLine->setPen(zeroPen);
    scheduleUpdate();
}

void PlotView::updateKinkMarkers()
{
    const bool zeroInRange = m_parameters.xmin <= 0.0 && m_parameters.xmax >= 0.0;
    const elu::OneSidedLimits limits = elu::derivativeLimitsAtZero(m_parameters.alpha);
    const bool continuous = elu::isDerivativeContinuous(m_parameters.alpha);
    m_attainedGraph->data()->clear();
    m_limitGraph->data()->clear();
    for (QCPLayerable *item : std::initializer_list<QCPLayerable *>{
             m_attainedGraph, m_limitGraph, m_leftLimitLabel, m_rightLimitLabel})
        item->setVisible(zeroInRange);
    if (!zeroInRange)
        return;
    m_attainedGraph->addData(0.0, limits.fromLeft);
    m_leftLimitLabel->position->setCoords(0.0, limits.fromLeft);
    m_rightLimitLabel->position->setCoords(0.0, limits.fromRight);
    if (continuous) {
        m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        m_leftLimitLabel->setText(tr("ELU′(0) = 1 from both sides"));
        m_rightLimitLabel->setVisible(false);
        return;
    }
    m_limitGraph->addData(0.0, limits.fromRight);
    // For α < 1 the left value sits below 1 and its label goes up and left, where ELU′ has
    // already fallen away. For α > 1 that corner holds the legend, so the label goes up and
    // right, and the label of 1 moves below its line.
    const bool aboveOne = limits.fromLeft > limits.fromRight;
    m_leftLimitLabel->setPositionAlignment(Qt::AlignBottom
                                           | (aboveOne ? Qt::AlignLeft : Qt::AlignRight));
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft
                                            | (aboveOne ? Qt::AlignTop : Qt::AlignBottom));
    m_leftLimitLabel->setText(tr("ELU′(0⁻) %1").arg(equalsOrAbout(limits.fromLeft)));
    m_rightLimitLabel->setText(tr("ELU′(0⁺) %1").arg(equalsOrAbout(limits.fromRight)));
}
