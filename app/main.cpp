// SPDX-License-Identifier: MIT
#include "commandline.h"
#include "exportrunner.h"
#include "firstframewatcher.h"
#include "mainwindow.h"
#include "plotview.h"
#include "statisticspanel.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdlib>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("elu-explorer"));
    QCoreApplication::setApplicationName(QStringLiteral("elu-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ELU_EXPLORER_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("ELU Explorer"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.eluexplorer.EluExplorer"));
}

// Command-line values override the saved ones, one by one.
void applyCommandLine(MainWindow &window, const CommandLine &commandLine)
{
    elu::PlotSpec parameters = window.model()->spec();
    if (commandLine.hasCurves)
        parameters.curves = commandLine.spec.curves;
    if (commandLine.hasXmin)
        parameters.xmin = commandLine.spec.xmin;
    if (commandLine.hasXmax)
        parameters.xmax = commandLine.spec.xmax;
    if (commandLine.hasPoints)
        parameters.points = commandLine.spec.points;
    if (const QString error = window.model()->setSpec(parameters); !error.isEmpty())
        window.showNote(QObject::tr("Command line values not used: %1.").arg(error));
    if (commandLine.hasLayout)
        window.model()->setLayout(commandLine.session.layout);
    if (commandLine.hasMu || commandLine.hasSigma) { // --mu, --sigma: the statistics panel's input
        window.statisticsPanel()->setInput(
            {commandLine.session.statisticsMu, commandLine.session.statisticsSigma});
        window.statisticsPanel()->show();
    }
}

// A session given on the command line (--session FILE, or a file the desktop opens).
void openSession(MainWindow &window, const elu::Session &session)
{
    if (const QString error = window.applySession(session); !error.isEmpty())
        window.showNote(QObject::tr("The session was not used: %1.").arg(error));
}

int runWindow(int argc, char *argv[], const CommandLine &commandLine)
{
    // Without XDG_RUNTIME_DIR (a container, su) the window too would print Qt's warning.
    const PrivateRuntimeDir runtimeDir; // outlives the application object
    QApplication app(argc, argv);
    describeApplication();
    // The installed theme icon, or the same SVG built into the binary when not installed.
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.eluexplorer.EluExplorer"),
                         QIcon(QStringLiteral(":/icons/org.eluexplorer.EluExplorer.svg"))));
    QSettings settings;
    MainWindow window(settings);
    if (commandLine.hasSession())
        openSession(window, commandLine.session); // the options are already applied over it
    else
        applyCommandLine(window, commandLine);
    if (!commandLine.sessionError.isEmpty()) { // a bad file named alone, as the desktop opens it
        QTextStream(stderr) << "elu-explorer: " << commandLine.sessionError << "\n";
        window.showNote(QObject::tr("Session not opened: %1").arg(commandLine.sessionError));
    }
    if (commandLine.exitAfterFirstFrame)
        new FirstFrameWatcher(window.plotView()->findChild<QWidget *>());
    window.show();
    if (!commandLine.screenshotPath.isEmpty()) {
        // After the first frames are painted: grab the window, save it, quit.
        QTimer::singleShot(300, &window, [&] {
            window.plotView()->refresh();
            window.plotView()->settle();
            const int status = saveScreenshot(window, commandLine.screenshotPath);
            QCoreApplication::exit(status);
        });
    }
    return app.exec();
}

// --help-all: Qt prints the help with the options its QApplication takes (-platform, -style…)
// and exits, as QCommandLineParser::process does. On the offscreen platform: no window opens
// and no display is needed.
[[noreturn]] void showHelpAll(char *program)
{
    static const PrivateRuntimeDir runtimeDir; // static: exit() removes it
    qputenv("QT_QPA_PLATFORM", "offscreen");
    char helpAll[] = "--help-all";
    char *helpArguments[] = {program, helpAll, nullptr};
    int helpCount = 2;
    QApplication app(helpCount, helpArguments);
    describeApplication();
    QCommandLineParser parser;
    addCommandLineOptions(parser);
    parser.process(app); // prints the help and exits
    std::exit(exitSuccess);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine commandLine = parseCommandLine(arguments);

    switch (commandLine.action) {
    case CommandLine::Action::Error:
        QTextStream(stderr) << "elu-explorer: " << commandLine.error
                            << "\nTry 'elu-explorer --help'.\n";
        return exitBadArguments;
    case CommandLine::Action::ShowHelp: {
        QCoreApplication app(argc, argv);
        describeApplication();
        QTextStream(stdout) << commandLineHelp();
        return exitSuccess;
    }
    case CommandLine::Action::ShowHelpAll:
        showHelpAll(argv[0]);
    case CommandLine::Action::ListActivations:
        QTextStream(stdout) << activationListing();
        return exitSuccess;
    case CommandLine::Action::ShowVersion:
        QTextStream(stdout) << "elu-explorer " ELU_EXPLORER_VERSION "\n";
        return exitSuccess;
    case CommandLine::Action::Export:
        return runExports(argc, argv, commandLine);
    case CommandLine::Action::OpenWindow:
        break;
    }
    return runWindow(argc, argv, commandLine);
}
