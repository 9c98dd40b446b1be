// SPDX-License-Identifier: MIT
#include "momentsplotfigure.h"

#include "figureexporter.h"
#include "momentsplot.h"
#include "plotstyle.h"
#include "safefilewriter.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

elu::WriteResult saveMomentsPlot(const MomentsPlot &plot, const QString &path,
                                 const elu::FigureOptions &options)
{
    const std::optional<FigureFormat> format = figureFormatForPath(path);
    if (!format || *format == FigureFormat::Tex)
        return elu::WriteError{path, QObject::tr("the plot is saved as .png, .svg or .pdf")};
    const PlotStyle style = PlotStyle::forFigure(options.theme, options.width, options.height);
    const QRectF area(0, 0, options.width, options.height);
    if (*format == FigureFormat::Png) {
        if (const QString error = elu::figureScaleError(options.scale, options.width, options.height);
            !error.isEmpty())
            return elu::WriteError{path, error};
        QImage image(int(std::ceil(options.width * options.scale)),
                     int(std::ceil(options.height * options.scale)), QImage::Format_ARGB32);
        if (image.isNull())
            return elu::WriteError{path, QObject::tr("the image could not be drawn (not enough "
                                                     "memory)")};
        image.fill(style.background.alpha() == 0 ? QColor(Qt::transparent) : style.background);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(options.scale, options.scale);
        plot.paint(painter, area, style);
        painter.end();
        return elu::writeFileAtomically(
            path, [&](QIODevice &device) { return QImageWriter(&device, "png").write(image); });
    }
    if (*format == FigureFormat::Svg) {
        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        {
            QSvgGenerator generator;
            generator.setOutputDevice(&svg);
            generator.setSize(QSize(options.width, options.height));
            generator.setViewBox(area);
            generator.setTitle(QObject::tr("Mean and variance against the parameter"));
            QPainter painter(&generator);
            plot.paint(painter, area, style);
        }
        return elu::writeFileAtomically(
            path, [&](QIODevice &device) { return device.write(svg.data()) == svg.size(); });
    }
    return elu::writeFileAtomically(path, [&](QIODevice &device) {
        QPdfWriter writer(&device);
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(options.width, options.height),
                                                   QPageSize::Point, QString(),
                                                   QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QPainter painter;
        if (!painter.begin(&writer))
            return false;
        const double perPoint = writer.resolution() / 72.0;
        painter.scale(perPoint, perPoint);
        plot.paint(painter, area, style);
        return painter.end();
    });
}
