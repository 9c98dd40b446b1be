// SPDX-License-Identifier: MIT
// PlotView's figure output: PNG through QCustomPlot's own rasteriser, SVG and PDF as vector
// drawings (curves as paths, text as text), all written through QSaveFile.
#include "plotview.h"

#include "safefilewriter.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QImageWriter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

namespace {

// Vector figures may be zoomed in a viewer: sample for four times their width.
constexpr int vectorSamplingFactor = 4;

// QSvgGenerator sizes the drawing in millimetres at 72 dpi and names one font family. A web
// page should show an 800×600 figure at 800×600 CSS pixels, and a reader without DejaVu Sans
// should get a sans-serif font of similar width, not the browser's serif default.
QByteArray webReadySvg(QByteArray svg, const elu::FigureOptions &options)
{
    static const QRegularExpression size(QStringLiteral(R"(<svg width="[^"]*" height="[^"]*")"));
    const QString text = QString::fromUtf8(svg).replace(
        size,
        QStringLiteral(R"(<svg width="%1" height="%2")").arg(options.width).arg(options.height));
    return QString(text)
        .replace(QStringLiteral(R"(font-family="Sans Serif")"),
                 QStringLiteral(R"(font-family="sans-serif")"))
        .replace(QStringLiteral(R"(font-family="DejaVu Sans")"),
                 QStringLiteral(R"(font-family="'DejaVu Sans', Verdana, Arial, sans-serif")"))
        .toUtf8();
}

void beginVectorPainting(QCPPainter &painter)
{
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
}

} // namespace

QImage PlotView::toImage(const elu::FigureOptions &options)
{
    setSamplingColumns(int(std::ceil(options.width * options.scale)));
    refresh();
    QImage image = m_plot->toPixmap(options.width, options.height, options.scale).toImage();
    image.setDevicePixelRatio(1.0);
    return image;
}

elu::WriteResult PlotView::savePng(const QString &path, const elu::FigureOptions &options)
{
    const QImage image = toImage(options);
    if (image.isNull()) // the pixmap could not be allocated: say so, rather than "Unknown error"
        return elu::WriteError{path, tr("the image of %1 × %2 pixels could not be drawn (not "
                                        "enough memory)")
                                         .arg(std::ceil(options.width * options.scale))
                                         .arg(std::ceil(options.height * options.scale))};
    return elu::writeFileAtomically(path, [&](QIODevice &device) {
        QImageWriter writer(&device, "png");
        return writer.write(image);
    });
}

elu::WriteResult PlotView::saveSvg(const QString &path, const elu::FigureOptions &options)
{
    setSamplingColumns(options.width * vectorSamplingFactor);
    refresh();
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&svg);
        generator.setSize(QSize(options.width, options.height));
        generator.setViewBox(QRect(0, 0, options.width, options.height));
        generator.setTitle(titleText());
        generator.setDescription(tr("Made with ELU Explorer"));
        QCPPainter painter;
        if (!painter.begin(&generator))
            return elu::WriteError{path, tr("the SVG drawing could not be started")};
        beginVectorPainting(painter);
        m_plot->toPainter(&painter, options.width, options.height);
        painter.end();
    }
    const QByteArray text = webReadySvg(svg.data(), options);
    return elu::writeFileAtomically(
        path, [&](QIODevice &device) { return device.write(text) == text.size(); });
}

elu::WriteResult PlotView::savePdf(const QString &path, const elu::FigureOptions &options)
{
    setSamplingColumns(options.width * vectorSamplingFactor);
    refresh();
    return elu::writeFileAtomically(path, [&](QIODevice &device) {
        QPdfWriter writer(&device);
        writer.setCreator(tr("ELU Explorer"));
        writer.setTitle(titleText());
        // One page exactly the figure's size, one point per figure pixel, no margins.
        writer.setPageLayout(
            QPageLayout(QPageSize(QSizeF(options.width, options.height), QPageSize::Point,
                                  QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&writer))
            return false;
        beginVectorPainting(painter);
        const double devicePixelsPerPoint = writer.resolution() / 72.0;
        painter.scale(devicePixelsPerPoint, devicePixelsPerPoint);
        m_plot->toPainter(&painter, options.width, options.height);
        return painter.end();
    });
}

QString PlotView::titleText() const
{
    // "ELU and its derivative, α = 0.5"; several curves: "ReLU; ELU, α = 1 and their derivatives"
    const elu::PlotSpec &shown = m_visibleSpec.curves.empty() ? m_model->spec() : m_visibleSpec;
    QStringList labels;
    for (const elu::Curve &curve : shown.curves)
        labels << curve.displayLabel();
    if (labels.size() == 1) {
        const elu::Activation &row = shown.curves.front().descriptor();
        return row.parameter ? tr("%1 and its derivative, %2 = %3")
                                   .arg(row.displayName, row.parameter->symbol,
                                        elu::formatNumber(shown.curves.front().parameter))
                             : tr("%1 and its derivative").arg(row.displayName);
    }
    return tr("%1 and their derivatives").arg(labels.join(QStringLiteral("; ")));
}
