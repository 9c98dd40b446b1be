// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;
struct CommandLine;

/// An option of the command line that takes a value.
/// "--NAME: 'VALUE' is not accepted: ACCEPTED.": the one form of a refused value.
QString refusal(const QString &option, const QString &value, const QString &accepted);

struct ValueOption
{
    QString name;            ///< without its dashes: "json"
    bool takesPath = false;  ///< its value is a PATH or FILE
    bool repeatable = false; ///< --curve: given once per curve
};

/// The rules over the arguments as typed, checked before any value is read. Empty when they
/// hold, else one line naming the option:
/// - A value that looks like an option is a missing value: `--json --csv` is refused, not a
///   file named "--csv". A value looks like an option when it starts with '-', is not "-"
///   alone (standard output) and does not read as a number ("-2", "-.5", "-1e-9", "-inf").
///   Written `--json=--csv`, or as a path `./--csv`, it is the value.
/// - An option given more than once is refused ("--alpha is given twice (0.5, 2)"), even with
///   the same value; only a repeatable option (--curve) repeats.
QString argumentRulesError(const QStringList &arguments, const QCommandLineParser &parser,
                           const QList<ValueOption> &options);

/// Empty when every output option names its own file; else one line naming both options and
/// the paths. Paths are compared as files: absolute, symbolic links resolved (for a file not
/// there yet, in its existing parent folders), and an existing file by its device and inode,
/// so that "x.json" and "./x.json", a link and its target, and "-", /dev/stdout and /dev/fd/1
/// (standard output, wherever it goes) are each one file. A --json folder's files count.
QString sameOutputError(const CommandLine &commandLine);
