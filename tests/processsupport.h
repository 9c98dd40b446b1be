// SPDX-License-Identifier: MIT
// Running the real elu-explorer (ELU_EXPLORER_BINARY) from a suite.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testsupport {

struct Run
{
    int exitCode = -1; ///< -1 when the process crashed, hung or did not start
    QByteArray out, err;

    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ": " + err; }
};

/// The environment with the system's words (strerror) in the C locale's English.
inline QProcessEnvironment cLocaleEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return environment;
}

struct RunOptions
{
    QString workingDirectory;   ///< relative paths land here
    QString standardOutputFile; ///< where the binary's standard output goes instead of a pipe
    QIODevice::OpenMode standardOutputMode = QIODevice::Truncate;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 120'000;
};

/// Runs elu-explorer to its end. A hang (a window opened where none should) is a failure with
/// exit code -1, not a stuck test run.
inline Run runBinary(const QStringList &arguments, const RunOptions &options = {})
{
    QProcess process;
    process.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        process.setWorkingDirectory(options.workingDirectory);
    if (!options.standardOutputFile.isEmpty())
        process.setStandardOutputFile(options.standardOutputFile, options.standardOutputMode);
    process.start(QStringLiteral(ELU_EXPLORER_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish: " + process.errorString().toUtf8();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

} // namespace testsupport
