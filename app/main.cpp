// SPDX-License-Identifier: MIT
#include "commandline.h"
#include "datawriter.h"
#include "version.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine commandLine = parseCommandLine(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCoreApplication app(argc, argv);
    switch (commandLine.action) {
    case CommandLine::Action::Error:
        err << "elu-explorer: " << commandLine.error << "\nTry 'elu-explorer --help'.\n";
        return 2;
    case CommandLine::Action::ShowHelp:
        out << commandLineHelp();
        return 0;
    case CommandLine::Action::ShowVersion:
        out << "elu-explorer " ELU_EXPLORER_VERSION "\n";
        return 0;
    default:
        break;
    }
    int status = 0;
    if (!commandLine.jsonPath.isEmpty()) {
        if (auto e = elu::saveJson(commandLine.jsonPath, commandLine.parameters)) {
            err << "elu-explorer: " << e->message() << "\n";
            status = 1;
        }
    }
    if (!commandLine.csvPath.isEmpty()) {
        if (auto e = elu::saveCsv(commandLine.csvPath, commandLine.parameters)) {
            err << "elu-explorer: " << e->message() << "\n";
            status = 1;
        }
    }
    return status;
}
