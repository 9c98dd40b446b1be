// SPDX-License-Identifier: MIT
#pragma once

#include "plotstyle.h"

#include <QWidget>

#include <vector>

class QPainter;

/// A small line plot of the mean and the variance of f(X) against the selected curve's
/// parameter, with the current value marked; or a note when the activation has no parameter.
/// Drawn with QPainter (QCustomPlot belongs to PlotView alone), in the palette's colours:
/// E[f(X)] solid in the first Okabe–Ito colour, Var[f(X)] dashed in the second.
class MomentsPlot : public QWidget
{
    Q_OBJECT

public:
    /// The curves: `means[i]` and `variances[i]` at `parameters[i]` (ascending). Non-finite
    /// values leave a gap.
    struct Series
    {
        QString parameterSymbol; ///< the x axis label: "α", "s", "β"
        std::vector<double> parameters;
        std::vector<double> means;
        std::vector<double> variances;
    };

    explicit MomentsPlot(QWidget *parent = nullptr);

    void setSeries(Series series);
    const Series &series() const { return m_series; }

    /// The current parameter value and its moments, drawn as a vertical line with a dot on each
    /// curve; NaN for no marker.
    void setMarker(double parameter, double mean, double variance);
    double markerParameter() const { return m_markerX; }
    double markerMean() const { return m_markerMean; }
    double markerVariance() const { return m_markerVariance; }

    /// Shown instead of the curves when not empty ("ReLU has no parameter").
    void setNote(const QString &note);
    QString note() const { return m_note; }

    /// Draws the plot (or the note) into `area` of `painter` with `style`: the widget's
    /// paintEvent and figures alike.
    void paint(QPainter &painter, const QRectF &area, const PlotStyle &style) const;

    /// The marker's position in widget coordinates (for tests), or (-1, -1) with none.
    QPointF markerPosition() const;

    QSize sizeHint() const override { return {320, 200}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Frame; // the data-to-pixel mapping of one paint
    Frame frameFor(const QRectF &area, const QFontMetricsF &metrics) const;

    Series m_series;
    double m_markerX;
    double m_markerMean;
    double m_markerVariance;
    QString m_note;
};
