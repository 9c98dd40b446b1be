// SPDX-License-Identifier: MIT
#include "figureexporter.h"

#include "plotview.h"
#include "texwriter.h"

#include <QFileInfo>
#include <QLayout>

#include <cmath>

std::optional<FigureFormat> figureFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return FigureFormat::Png;
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    if (suffix == QLatin1String("tex"))
        return FigureFormat::Tex;
    return std::nullopt;
}

namespace {

elu::Session sessionOf(const elu::PlotSpec &spec, const elu::FigureOptions &options)
{
    elu::Session session;
    session.spec = spec;
    session.appearance.clear();
    for (std::size_t i = 0; i < spec.curves.size(); ++i)
        session.appearance.push_back({int(i), std::nullopt, true});
    session.figure = options;
    return session;
}

} // namespace

FigureExporter::FigureExporter(const elu::PlotSpec &spec, const elu::FigureOptions &options)
    : FigureExporter(sessionOf(spec, options))
{
}

FigureExporter::FigureExporter(const elu::Session &session)
    : m_options(session.figure)
    , m_session(session)
    , m_view(std::make_unique<PlotView>())
{
    const elu::FigureOptions &options = session.figure;
    m_view->setAttribute(Qt::WA_DontShowOnScreen);
    m_view->setDraftsAllowed(false);
    m_view->setMinimumSize(0, 0); // a 200 px figure is laid out at 200 px, not the window's 320
    m_view->resize(options.width, options.height);
    // Never shown, so lay it out by hand: the plot inside must have the figure's size before
    // the first replot computes its axes (markers and line simplification depend on it).
    m_view->layout()->activate();
    m_view->setPlotStyle(PlotStyle::forFigure(options.theme, options.width, options.height));
    elu::PlotModel *model = m_view->model();
    model->setRangeLimited(false); // the command line may ask for any finite range
    model->setState(session.spec, session.appearance, session.selectedCurve, session.layout);
    m_view->refresh(); // lays out the axes at the figure's size; each save samples for them
    if (!session.view.fitsData)
        m_view->setViewRange(session.view);
}

FigureExporter::~FigureExporter() = default;

void FigureExporter::setView(double xLower, double xUpper, double yLower, double yUpper)
{
    m_view->setVisibleRange(xLower, xUpper, yLower, yUpper);
    m_session.view = {xLower, xUpper, yLower, yUpper, false};
}

elu::WriteResult FigureExporter::save(const QString &path, FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return m_view->savePng(path, m_options);
    case FigureFormat::Svg:
        return m_view->saveSvg(path, m_options);
    case FigureFormat::Pdf:
        return m_view->savePdf(path, m_options);
    case FigureFormat::Tex:
        return elu::saveTex(path, m_session, m_texData);
    }
    return elu::WriteError{path, QStringLiteral("unknown figure format")};
}

bool FigureExporter::setParameter(int curve, double value)
{
    elu::PlotSpec spec = m_session.spec;
    spec.curves.at(std::size_t(curve)).parameter = value;
    if (!elu::validate(spec).isEmpty())
        return false;
    m_session.spec = spec;
    m_view->model()->setState(spec, m_session.appearance, m_session.selectedCurve,
                              m_session.layout);
    if (!m_session.view.fitsData) // a new spec must not let the view follow the data
        m_view->setViewRange(m_session.view);
    return true;
}

void FigureExporter::setFitHeld(bool held)
{
    m_view->setFitHeld(held);
}

void FigureExporter::fit()
{
    m_view->setSamplingColumns(int(std::ceil(m_options.width * m_options.scale)));
    m_view->refresh();
}

QList<QColor> FigureExporter::drawnColours() const
{
    return m_view->drawnColours();
}

QImage FigureExporter::image()
{
    return m_view->toImage(m_options);
}
