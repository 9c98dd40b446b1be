// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "plotspec.h"

#include <QString>
#include <QStringList>

#include <optional>

/// What the command line asks for, parsed without an application object so that main can pick
/// QCoreApplication (data only), an offscreen QApplication (figures) or the window.
struct CommandLine
{
    enum class Action { OpenWindow, Export, ShowHelp, ShowVersion, ListActivations, Error };

    Action action = Action::OpenWindow;
    QString error; ///< one line naming the option, the value and what is accepted

    elu::PlotSpec spec;
    /// Which of the curves (--alpha or --curve), --xmin, --xmax, --points were given: the window
    /// keeps its saved values for the others.
    bool hasCurves = false, hasXmin = false, hasXmax = false, hasPoints = false;

    /// --list-activations: print the catalogue and exit.
    bool listActivations = false;

    /// Benchmarks only (hidden from --help): quit once the window's first frame is painted.
    bool exitAfterFirstFrame = false;

    QString jsonPath, csvPath, pngPath, svgPath, pdfPath, screenshotPath;
    elu::FigureOptions figure;

    bool exportsFigures() const
    {
        return !pngPath.isEmpty() || !svgPath.isEmpty() || !pdfPath.isEmpty();
    }
};

/// Parses the arguments (the program name first). Bad values give Action::Error.
CommandLine parseCommandLine(const QStringList &arguments);

/// The --help text.
QString commandLineHelp();

/// The --list-activations text: per activation its id, name, parameter with default and
/// range, formula and smoothness.
QString activationListing();
