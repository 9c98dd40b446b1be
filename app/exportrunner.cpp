// SPDX-License-Identifier: MIT
#include "exportrunner.h"

#include "datawriter.h"
#include "figureexporter.h"
#include "safefilewriter.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QTextStream>
#include <QWidget>

#include <memory>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

int report(const elu::WriteResult &result)
{
    if (!result)
        return exitSuccess;
    QTextStream(stderr) << "elu-explorer: " << result->message() << "\n";
    return exitWriteFailed;
}

} // namespace

int runExports(int argc, char *argv[], const CommandLine &commandLine)
{
    // Data alone needs no GUI at all; figures need widgets, which the offscreen platform
    // provides on machines without a display. Figures never depend on the screen either way.
    std::unique_ptr<QCoreApplication> app;
    if (commandLine.exportsFigures()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !hasDisplay())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }

    int status = exitSuccess;
    auto record = [&](const elu::WriteResult &result) {
        status = std::max(status, report(result));
    };
    const elu::PlotSpec &spec = commandLine.spec;
    if (!commandLine.jsonPath.isEmpty()) {
        // A folder (a path ending in '/' or an existing folder) gets one file per curve, even
        // for a single curve; otherwise the path is the one curve's file.
        const QString &path = commandLine.jsonPath;
        const bool folder = path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir();
        record(folder ? elu::saveJsonFolder(path, spec)
                      : elu::saveJson(path, spec, spec.curves.front()));
    }
    if (!commandLine.csvPath.isEmpty())
        record(elu::saveCsv(commandLine.csvPath, spec));
    if (commandLine.exportsFigures()) {
        FigureExporter exporter(commandLine.spec, commandLine.figure);
        if (!commandLine.pngPath.isEmpty())
            record(exporter.save(commandLine.pngPath, FigureFormat::Png));
        if (!commandLine.svgPath.isEmpty())
            record(exporter.save(commandLine.svgPath, FigureFormat::Svg));
        if (!commandLine.pdfPath.isEmpty())
            record(exporter.save(commandLine.pdfPath, FigureFormat::Pdf));
    }
    return status;
}

int saveScreenshot(QWidget &window, const QString &path)
{
    const QImage image = window.grab().toImage();
    return report(elu::writeFileAtomically(
        path, [&](QIODevice &device) { return QImageWriter(&device, "png").write(image); }));
}
