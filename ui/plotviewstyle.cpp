// SPDX-License-Identifier: MIT
// PlotView's look: graphs, the marked kink at 0, axes and colours.
#include "plotview.h"

#include "catalogue.h"

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

void PlotView::createAxes()
{
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setTicker(QSharedPointer<MinusSignTicker>::create());
}

void PlotView::matchGraphsToCurves()
{
    const std::size_t count = m_spec.curves.size();
    while (m_valueGraphs.size() > count) {
        m_plot->removeGraph(m_valueGraphs.back());
        m_plot->removeGraph(m_derivativeGraphs.back());
        m_valueGraphs.pop_back();
        m_derivativeGraphs.pop_back();
    }
    const bool antialiased = m_valueGraphs.empty() || m_valueGraphs.front()->antialiased();
    while (m_valueGraphs.size() < count) {
        for (auto *graphs : {&m_valueGraphs, &m_derivativeGraphs}) {
            QCPGraph *graph = m_plot->addGraph();
            graph->setAdaptiveSampling(false); // we already hand it only what the pixels show
            graph->setAntialiased(antialiased);
            graphs->push_back(graph);
        }
    }
    // Legend order: each curve's f, then its f′.
    m_plot->legend->clearItems();
    for (std::size_t c = 0; c < count; ++c) {
        const elu::Curve &curve = m_spec.curves[c];
        const elu::Activation &row = curve.descriptor();
        const QString parameter =
            row.parameter ? QStringLiteral(", %1 %2").arg(row.parameter->symbol,
                                                          equalsOrAbout(curve.parameter))
                          : QString();
        m_valueGraphs[c]->setName(tr("%1(x)%2").arg(row.displayName, parameter));
        m_derivativeGraphs[c]->setName(tr("%1′(x)%2").arg(row.displayName, parameter));
        m_valueGraphs[c]->addToLegend();
        m_derivativeGraphs[c]->addToLegend();
    }
    const elu::Activation &first = m_spec.curves.front().descriptor();
    m_plot->yAxis->setLabel(count == 1 ? QStringLiteral("%1(x), %1′(x)").arg(first.displayName)
                                       : QStringLiteral("f(x), f′(x)"));
    styleCurveGraphs();
}

void PlotView::styleCurveGraphs()
{
    const bool single = m_valueGraphs.size() == 1;
    for (std::size_t c = 0; c < m_valueGraphs.size(); ++c) {
        const QColor valueColour = single ? m_style.eluColor : m_style.curveColor(int(c));
        const QColor derivativeColour =
            single ? m_style.derivativeColor : m_style.curveColor(int(c));
        m_valueGraphs[c]->setPen(QPen(valueColour, m_style.lineWidth, Qt::SolidLine,
                                      Qt::RoundCap, Qt::RoundJoin));
        m_derivativeGraphs[c]->setPen(QPen(derivativeColour, m_style.lineWidth, Qt::DashLine,
                                           Qt::FlatCap, Qt::RoundJoin));
    }
}

void PlotView::createKinkMarkers()
{
    // The value autograd gives at the kink is attained (a filled disc, ELU′(0) = α); the other
    // one-sided limit is not (an open circle). They sit on a layer above every curve.
    m_plot->addLayer(QStringLiteral("kinks"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_attainedGraph = m_plot->addGraph();
    m_limitGraph = m_plot->addGraph();
    for (QCPGraph *graph : {m_attainedGraph, m_limitGraph}) {
        graph->setLineStyle(QCPGraph::lsNone);
        graph->removeFromLegend();
        graph->setLayer(QStringLiteral("kinks"));
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

    styleCurveGraphs();
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
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
    // The first curve's kink: its f′ colour, its one-sided values.
    const elu::Curve &curve = m_spec.curves.front();
    const elu::Activation &row = curve.descriptor();
    const std::optional<elu::Kink> kink = row.kink(curve.parameter);
    const bool shown = kink && m_spec.xmin <= kink->x && m_spec.xmax >= kink->x;
    m_attainedGraph->data()->clear();
    m_limitGraph->data()->clear();
    for (QCPLayerable *item : std::initializer_list<QCPLayerable *>{
             m_attainedGraph, m_limitGraph, m_leftLimitLabel, m_rightLimitLabel})
        item->setVisible(shown);
    if (!shown)
        return;

    const QColor colour = m_derivativeGraphs.front()->pen().color();
    const QPen markerPen(colour, m_style.lineWidth);
    const double markerSize = 4 * m_style.lineWidth;
    const bool transparent = m_style.background.alpha() == 0;
    m_attainedGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, markerPen, QBrush(colour), markerSize));
    m_limitGraph->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, markerPen,
        transparent ? QBrush(Qt::NoBrush) : QBrush(m_style.background), markerSize));
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel})
        label->setColor(colour);

    const QString name = row.displayName;
    m_attainedGraph->addData(kink->x, kink->autogradDerivative);
    m_leftLimitLabel->position->setCoords(kink->x, kink->leftDerivative);
    m_rightLimitLabel->position->setCoords(kink->x, kink->rightDerivative);
    if (kink->derivativeContinuous()) {
        m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        m_leftLimitLabel->setText(tr("%1′(0) %2 from both sides")
                                      .arg(name, equalsOrAbout(kink->leftDerivative)));
        m_rightLimitLabel->setVisible(false);
        return;
    }
    // Autograd's value is one of the two limits (the left one for every catalogue kink); the
    // other is open.
    m_limitGraph->addData(kink->x, kink->autogradDerivative == kink->leftDerivative
                                       ? kink->rightDerivative
                                       : kink->leftDerivative);
    // When the left value sits below the right one its label goes up and left, where f′ has
    // already fallen away. Otherwise that corner holds the legend, so the label goes up and
    // right, and the label of the right value moves below its line.
    const bool aboveRight = kink->leftDerivative > kink->rightDerivative;
    m_leftLimitLabel->setPositionAlignment(Qt::AlignBottom
                                           | (aboveRight ? Qt::AlignLeft : Qt::AlignRight));
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft
                                            | (aboveRight ? Qt::AlignTop : Qt::AlignBottom));
    m_leftLimitLabel->setText(tr("%1′(0⁻) %2").arg(name, equalsOrAbout(kink->leftDerivative)));
    m_rightLimitLabel->setText(tr("%1′(0⁺) %2").arg(name, equalsOrAbout(kink->rightDerivative)));
}
