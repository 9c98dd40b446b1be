// SPDX-License-Identifier: MIT
#pragma once

#include "commandlinerules.h"

#include <QList>
#include <QString>

class QCommandLineParser;

/// The option table, in one place so that parsing, --help and the man page's test never
/// disagree: adds every option (the hidden ones too) to `parser`, with its description.
void addOptions(QCommandLineParser &parser);

/// Qt's "Missing value after '--x'" as "--x: a value is missing: " and what the option takes;
/// any other of Qt's messages as it is.
QString missingValueError(const QString &qtError);

/// The options of the table that take a value, for the rules over the arguments as typed.
QList<ValueOption> valueOptions();
