// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "parametersweep.h"
#include "plotspec.h"
#include "session.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

/// What the command line asks for, parsed without an application object so that main can pick
/// QCoreApplication (data only), an offscreen QApplication (figures) or the window.
struct CommandLine
{
    enum class Action {
        OpenWindow,
        Export,
        ShowHelp,
        ShowHelpAll, ///< --help-all: Qt's help, its own options included
        ShowVersion,
        ListActivations,
        Error
    };

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
    /// --tex PATH: the figure as a pgfplots picture (texwriter.h); with --tex-data (texData) its
    /// samples go to a CSV beside it. Written without widgets, like the data files.
    QString texPath;
    bool texData = false;
    /// --stats PATH: the moments of every curve under X ~ N(μ, σ²) as JSON (statswriter.h).
    /// μ and σ are session.statisticsMu and statisticsSigma: --mu and --sigma when given (hasMu,
    /// hasSigma), else the session's, else 0 and 1.
    QString statsPath;
    bool hasMu = false, hasSigma = false;
    elu::FigureOptions figure;
    bool hasScale = false; ///< --scale given: animations then use it, else scale 1

    /// --animate KEYWORD=FROM:TO with --frames, --duration and --bounce (animationoptions.h):
    /// the curve animatedCurve (an index of spec.curves) moves; --gif and --webp get the files,
    /// drawn in animationFigure (the figure options, at scale 1 unless --scale is given).
    std::optional<elu::ParameterSweep> sweep;
    int animatedCurve = -1;
    QString gifPath, webpPath;
    elu::FigureOptions animationFigure;
    /// Hidden --progress: a line "progress K N" on stderr after each frame (the window reads it).
    bool reportProgress = false;
    bool exportsAnimation() const { return !gifPath.isEmpty() || !webpPath.isEmpty(); }

    /// --session FILE, or a *.elusession file named alone (as the desktop file opens one): read
    /// before the other options, which override its values. Empty when none was given.
    QString sessionPath;
    /// --save-session FILE: an output option, like --json; writes `session`.
    QString saveSessionPath;
    /// Whether --layout was given; its value is session.layout.
    bool hasLayout = false;
    /// The session the command line describes: the one read from sessionPath (or the defaults)
    /// with every given option over it. Its spec and figure are `spec` and `figure` above; its
    /// curves keep their colours by position, added curves take the free colour slots.
    elu::Session session;

    /// Why the session file named alone (without --session) could not be read, when the
    /// window is to open anyway: it opens without the session and shows this.
    QString sessionError;

    bool hasSession() const { return !sessionPath.isEmpty(); }

    bool exportsFigures() const
    {
        return !pngPath.isEmpty() || !svgPath.isEmpty() || !pdfPath.isEmpty();
    }
    /// Figures or animations: the run needs widgets (on the offscreen platform).
    bool drawsFigures() const { return exportsFigures() || exportsAnimation(); }
    /// Any output option: the run writes files and exits without a window.
    bool writesFiles() const
    {
        return !jsonPath.isEmpty() || !csvPath.isEmpty() || drawsFigures()
               || !saveSessionPath.isEmpty() || !statsPath.isEmpty() || !texPath.isEmpty();
    }
};

/// Parses the arguments (the program name first). Bad values give Action::Error.
CommandLine parseCommandLine(const QStringList &arguments);

/// The --help text.
QString commandLineHelp();

/// Adds the options, as parseCommandLine reads them, to `parser` (for --help-all).
void addCommandLineOptions(QCommandLineParser &parser);

/// The --list-activations text: per activation its id, name, parameter with default and
/// range, formula and smoothness.
QString activationListing();
