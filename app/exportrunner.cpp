// SPDX-License-Identifier: MIT
#include "exportrunner.h"

#include "animationframes.h"
#include "animationwriter.h"
#include "datawriter.h"
#include "figureexporter.h"
#include "safefilewriter.h"
#include "sessionfile.h"
#include "statswriter.h"
#include "texwriter.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QTextStream>
#include <QWidget>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include <memory>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// "-" as an output PATH is standard output, as in most command-line tools (a file named "-" is
// "./-"). It is written directly at the descriptor's position, like /dev/stdout.
QString outputPath(const QString &path)
{
    return path == QLatin1String("-") ? QStringLiteral("/dev/stdout") : path;
}

// A standard descriptor the caller closed (`>&-`) would be taken by the next one opened, Qt's
// own: hold its place with one that refuses writes, so that "-" and /dev/stdout report "Bad file
// descriptor" instead of writing into something else.
void holdClosedStandardDescriptors()
{
    int fd = -1;
    while ((fd = ::open("/dev/null", O_RDONLY)) >= 0 && fd <= STDERR_FILENO) {
    }
    if (fd > STDERR_FILENO)
        ::close(fd);
}

int report(const elu::WriteResult &result)
{
    if (!result)
        return exitSuccess;
    QTextStream(stderr) << "elu-explorer: " << result->message() << "\n";
    return exitWriteFailed;
}

volatile std::sig_atomic_t terminationRequested = 0;

// The window cancels its headless renderer with SIGTERM: the run stops after the frame it is
// drawing (or, in the first pass over the frames' axes, the value it is fitting) and, like any
// failed write, leaves the old files as they were; once the files are being written, it is too
// late, and they are written.
void requestTermination(int)
{
    terminationRequested = 1;
}

std::vector<elu::WriteResult> writeAnimations(const CommandLine &commandLine)
{
    std::vector<AnimationTarget> targets;
    if (!commandLine.gifPath.isEmpty())
        targets.push_back({outputPath(commandLine.gifPath), AnimationFormat::Gif});
    if (!commandLine.webpPath.isEmpty())
        targets.push_back({outputPath(commandLine.webpPath), AnimationFormat::Webp});
    // The moving curve is the selected one: its kink is the one labelled.
    elu::Session session = commandLine.session;
    session.figure = commandLine.animationFigure;
    session.selectedCurve = commandLine.animatedCurve;
    std::signal(SIGTERM, requestTermination); // before the first pass over the frames' axes
    AnimationFrames frames(session, commandLine.animatedCurve, *commandLine.sweep,
                           [] { return terminationRequested != 0; });
    return saveAnimations(targets, frames, [&](int done, int total) {
        if (commandLine.reportProgress)
            QTextStream(stderr) << "progress " << done << ' ' << total << Qt::endl;
        return terminationRequested == 0;
    });
}

} // namespace

PrivateRuntimeDir::PrivateRuntimeDir()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    m_dir.emplace(QDir::tempPath() + QStringLiteral("/elu-explorer-runtime-XXXXXX"));
    if (m_dir->isValid())
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir->path()));
    else
        m_dir.reset(); // Qt falls back to its own, with its warning
}

PrivateRuntimeDir::~PrivateRuntimeDir()
{
    if (m_dir)
        qunsetenv("XDG_RUNTIME_DIR");
}

int runExports(int argc, char *argv[], const CommandLine &commandLine)
{
    holdClosedStandardDescriptors();
    const PrivateRuntimeDir runtimeDir; // outlives the application object
    // Data alone needs no GUI at all; figures need widgets, which the offscreen platform
    // provides on machines without a display. Figures never depend on the screen either way.
    std::unique_ptr<QCoreApplication> app;
    if (commandLine.drawsFigures()) {
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
        const QString path = outputPath(commandLine.jsonPath);
        const bool folder = path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir();
        record(folder ? elu::saveJsonFolder(path, spec)
                      : elu::saveJson(path, spec, spec.curves.front()));
    }
    if (!commandLine.csvPath.isEmpty())
        record(elu::saveCsv(outputPath(commandLine.csvPath), spec));
    if (!commandLine.saveSessionPath.isEmpty())
        record(elu::saveSession(outputPath(commandLine.saveSessionPath), commandLine.session));
    if (!commandLine.statsPath.isEmpty()) {
        const elu::Session &session = commandLine.session;
        record(elu::saveStatistics(outputPath(commandLine.statsPath),
                                   {session.statisticsMu, session.statisticsSigma}, spec.curves));
    }
    if (!commandLine.texPath.isEmpty())
        record(elu::saveTex(outputPath(commandLine.texPath), commandLine.session,
                            commandLine.texData));
    if (commandLine.exportsFigures()) {
        // The session the command line describes: its spec and figure options, and with
        // --session its colours, hidden curves and view; --layout either way.
        FigureExporter exporter(commandLine.session);
        if (!commandLine.pngPath.isEmpty())
            record(exporter.save(outputPath(commandLine.pngPath), FigureFormat::Png));
        if (!commandLine.svgPath.isEmpty())
            record(exporter.save(outputPath(commandLine.svgPath), FigureFormat::Svg));
        if (!commandLine.pdfPath.isEmpty())
            record(exporter.save(outputPath(commandLine.pdfPath), FigureFormat::Pdf));
    }
    if (commandLine.exportsAnimation()) {
        for (const elu::WriteResult &result : writeAnimations(commandLine))
            record(result);
    }
    return status;
}

int saveScreenshot(QWidget &window, const QString &path)
{
    const QImage image = window.grab().toImage();
    return report(elu::writeFileAtomically(
        path, [&](QIODevice &device) { return QImageWriter(&device, "png").write(image); }));
}
