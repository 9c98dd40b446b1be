// SPDX-License-Identifier: MIT
#include "texwriter.h"

#include "datawriter.h"
#include "safefilewriter.h"
#include "texfigure.h"
#include "texformat.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>

#include <cmath>

namespace elu {

namespace {

QByteArray colourName(std::size_t curve, bool derivative)
{
    return "elu" + QByteArray::number(qulonglong(curve)) + (derivative ? "d" : "f");
}

QByteArray html(quint32 rgb)
{
    return QByteArray::number(rgb, 16).toUpper().rightJustified(6, '0');
}

class TexText
{
public:
    TexText(const Session &session, const QString &dataFile)
        : m_session(session)
        , m_dataFile(dataFile)
        , m_figure(layOutTexFigure(session, texSimplificationTolerancePt))
    {
    }

    QByteArray write();

private:
    void header();
    void axisOptions(const TexPanel &panel, const QString &yLabel);
    void plots(bool values, bool derivatives);
    void line(const TexCurve &curve, const TexSegment &segment, bool derivative, int part,
              int parts);
    void legend();
    void kinks();

    QByteArray &out() { return m_out; }
    // Whether (x, y) is within the f′ panel's view: markers and labels outside it are left out.
    bool inView(double x, double y) const
    {
        const TexPanel &panel = m_figure.derivatives;
        return x >= panel.xLower && x <= panel.xUpper && y >= panel.yLower && y <= panel.yUpper;
    }
    QString name() const
    {
        return m_figure.single ? m_session.spec.curves[m_figure.curves.front().specIndex]
                                     .descriptor()
                                     .displayName
                               : QString();
    }

    const Session &m_session;
    QString m_dataFile;
    TexFigure m_figure;
    QByteArray m_out;
};

void TexText::header()
{
    const bool stacked = m_figure.stacked;
    out() += "% A figure of " + generatorName().toUtf8()
             + " (pgfplots), for \\input{} into a "
               "LaTeX document.\n"
               "% It needs in the preamble:\n"
               "%   \\usepackage{pgfplots}\n"
               "%   \\pgfplotsset{compat=1.18}\n";
    if (stacked)
        out() += "%   \\usepgfplotslibrary{groupplots}\n";
    out() += "% Its size is the exported figure's, " + QByteArray::number(m_session.figure.width)
             + "pt by " + QByteArray::number(m_session.figure.height)
             + "pt (axes with their labels; the legend of several curves sits above). To change"
               " it,\n"
               "% define \\eluwidth and \\eluheight before the \\input, e.g.\n"
               "%   \\newcommand\\eluwidth{\\linewidth}\n"
               "%   \\newcommand\\eluheight{0.75\\linewidth}\n"
               "% Text takes the document's fonts; colours are the window's (Okabe-Ito), for a "
               "light page.\n";
    if (!m_dataFile.isEmpty()) {
        out() += "% The samples are read from " + m_dataFile.toUtf8()
                 + ". LaTeX looks for that file relative to the main\n"
                   "% document (the folder LaTeX runs in), not to this file: when the figure "
                   "lives elsewhere,\n"
                   "% e.g. in figures/, change every `{"
                 + m_dataFile.toUtf8() + "}` below to `{figures/" + m_dataFile.toUtf8() + "}`.\n";
    } else {
        out() += "% Coordinates are exact samples, in shortest round-trip form: the polyline the"
                 " figure draws at its size.\n";
    }
    out() += "\\begin{tikzpicture}\n"
             "\\providecommand\\eluwidth{"
             + QByteArray::number(m_session.figure.width)
             + "pt}\n"
               "\\providecommand\\eluheight{"
             + QByteArray::number(m_session.figure.height) + "pt}\n";
    for (std::size_t c = 0; c < m_figure.curves.size(); ++c) {
        const TexCurve &curve = m_figure.curves[c];
        out() +=
            "\\definecolor{" + colourName(c, false) + "}{HTML}{" + html(curve.valueRgb) + "}\n";
        out() +=
            "\\definecolor{" + colourName(c, true) + "}{HTML}{" + html(curve.derivativeRgb) + "}\n";
    }
}

void TexText::axisOptions(const TexPanel &panel, const QString &yLabel)
{
    out() += "  xmin=" + texNumber(panel.xLower) + ", xmax=" + texNumber(panel.xUpper)
             + ",\n"
               "  ymin="
             + texNumber(panel.yLower) + ", ymax=" + texNumber(panel.yUpper)
             + ",\n"
               "  ylabel={"
             + yLabel.toUtf8() + "},\n";
    // Samples far outside the view are clamped, so that TeX's dimensions hold them (the lines
    // they end are one sample step long and cut at the axes: nothing changes in view).
    const double xMargin = texClampMargin * (panel.xUpper - panel.xLower);
    const double yMargin = texClampMargin * (panel.yUpper - panel.yLower);
    out() += "  restrict x to domain*=" + texNumber(panel.xLower - xMargin) + ":"
             + texNumber(panel.xUpper + xMargin)
             + ",\n"
               "  restrict y to domain*="
             + texNumber(panel.yLower - yMargin) + ":" + texNumber(panel.yUpper + yMargin) + ",\n";
    // Zero lines, as the window draws them, where zero is in view.
    QByteArray zeros;
    if (panel.xLower < 0 && panel.xUpper > 0)
        zeros += "  extra x ticks={0}, extra x tick labels={},\n";
    if (panel.yLower < 0 && panel.yUpper > 0)
        zeros += "  extra y ticks={0}, extra y tick labels={},\n";
    if (!zeros.isEmpty())
        out() += zeros
                 + "  extra tick style={grid=major, major grid style={gray!60}, "
                   "major tick length=0pt},\n";
}

void TexText::line(const TexCurve &curve, const TexSegment &segment, bool derivative, int part,
                   int parts)
{
    const std::size_t c = std::size_t(&curve - m_figure.curves.data());
    out() += "\\addplot[color=" + colourName(c, derivative) + (derivative ? ", dashed" : ", solid");
    const bool named = m_figure.single && part == 0;
    if (!named)
        out() += ", forget plot";
    const QByteArray role = derivative ? "yp" : "y";
    if (m_dataFile.isEmpty()) {
        out() += "] coordinates { % samples: " + curve.label.toUtf8() + " " + role + "\n";
        const std::vector<double> &ys = derivative ? m_figure.samples.yp[curve.sampleIndex]
                                                   : m_figure.samples.y[curve.sampleIndex];
        for (std::size_t i : segment.kept)
            out() += "(" + texNumber(m_figure.samples.x[i]) + "," + texNumber(ys[i]) + ")\n";
        out() += "};\n";
    } else {
        if (parts > 1 && curve.kink) {
            const QByteArray at = texNumber(curve.kink->x);
            out() += part == 0 ? ", x filter/.expression={x > " + at + " ? nan : x}"
                               : ", x filter/.expression={x > " + at + " ? x : nan}";
            out() += ", unbounded coords=discard";
        }
        const bool one = m_session.spec.curves.size() == 1;
        const QByteArray column = one ? role : curve.label.toUtf8() + "." + role;
        out() += "] table[col sep=comma, x=x, y={" + column + "}]{" + m_dataFile.toUtf8() + "};\n";
    }
    if (named) {
        const Curve &spec = m_session.spec.curves[curve.specIndex];
        out() += "\\addlegendentry{$" + texMathName(spec.descriptor().displayName).toUtf8()
                 + (derivative ? "'" : "") + "(x)$" + texParameterText(spec).toUtf8() + "}\n";
    }
}

void TexText::plots(bool values, bool derivatives)
{
    for (const TexCurve &curve : m_figure.curves) {
        if (values)
            line(curve, curve.value.front(), false, 0, 1);
        if (derivatives) {
            for (std::size_t s = 0; s < curve.derivative.size(); ++s)
                line(curve, curve.derivative[s], true, int(s), int(curve.derivative.size()));
        }
    }
}

void TexText::legend()
{
    // Several curves: one entry each in its colour, and a key to the two line styles.
    if (m_figure.single || m_figure.curves.empty())
        return;
    {
        for (std::size_t c = 0; c < m_figure.curves.size(); ++c) {
            const Curve &spec = m_session.spec.curves[m_figure.curves[c].specIndex];
            out() += "\\addlegendimage{color=" + colourName(c, false)
                     + ", solid, line width=1pt}\n"
                       "\\addlegendentry{$"
                     + texMathName(spec.descriptor().displayName).toUtf8() + "$"
                     + texParameterText(spec).toUtf8() + "}\n";
        }
        out() += "\\addlegendimage{color=gray, solid, line width=1pt}\\addlegendentry{$f(x)$}\n";
        out() += "\\addlegendimage{color=gray, dashed, line width=1pt}\\addlegendentry{$f'(x)$}\n";
    }
}

void TexText::kinks()
{
    // Every visible curve's kink: autograd's value filled, the other one-sided limit open.
    for (std::size_t c = 0; c < m_figure.curves.size(); ++c) {
        const TexCurve &curve = m_figure.curves[c];
        if (!curve.kink)
            continue;
        const Kink &kink = *curve.kink;
        const QByteArray colour = colourName(c, true);
        if (!inView(kink.x, kink.autogradDerivative))
            continue;
        out() += "\\addplot[only marks, mark=*, mark size=2pt, color=" + colour
                 + ", mark options={solid, fill=" + colour + "}, forget plot] coordinates {("
                 + texNumber(kink.x) + "," + texNumber(kink.autogradDerivative) + ")}; % kink\n";
        if (!kink.derivativeContinuous()) {
            const double other = kink.autogradDerivative == kink.leftDerivative
                                     ? kink.rightDerivative
                                     : kink.leftDerivative;
            if (inView(kink.x, other))
                out() += "\\addplot[only marks, mark=*, mark size=2pt, color=" + colour
                         + ", mark options={solid, fill=white}, forget plot] coordinates {("
                         + texNumber(kink.x) + "," + texNumber(other) + ")}; % kink\n";
        }
    }
    if (!m_figure.labelledCurve)
        return;
    const TexCurve &curve = m_figure.curves[*m_figure.labelledCurve];
    if (!curve.kink)
        return;
    const Kink &kink = *curve.kink;
    const QByteArray colour = colourName(*m_figure.labelledCurve, true);
    const QByteArray f =
        texMathName(m_session.spec.curves[curve.specIndex].descriptor().displayName).toUtf8() + "'";
    const QByteArray at = formatNumber(kink.x).toUtf8();
    auto label = [&](const char *anchor, double y, const QByteArray &text) {
        if (inView(kink.x, y))
            out() += "\\node[anchor=" + QByteArray(anchor) + ", text=" + colour
                     + ", font=\\small, inner sep=3pt] at (axis cs:" + texNumber(kink.x) + ","
                     + texNumber(y) + ") {" + text + "};\n";
    };
    if (kink.derivativeContinuous()) {
        label("south east", kink.leftDerivative,
              "$" + f + "(" + at + ") " + texMathNumber(kink.leftDerivative, true).toUtf8()
                  + "$ from both sides");
        return;
    }
    const bool aboveRight = kink.leftDerivative > kink.rightDerivative;
    label(aboveRight ? "south west" : "south east", kink.leftDerivative,
          "$" + f + "(" + at + "^{-}) " + texMathNumber(kink.leftDerivative, true).toUtf8() + "$");
    label(aboveRight ? "north west" : "south west", kink.rightDerivative,
          "$" + f + "(" + at + "^{+}) " + texMathNumber(kink.rightDerivative, true).toUtf8() + "$");
}

QByteArray TexText::write()
{
    header();
    const QString f = m_figure.single ? texMathName(name()) : QStringLiteral("f");
    const QByteArray common =
        "  xlabel={$x$}, grid=major, major grid style={gray!20}, legend cell align=left,\n"
        "  every axis plot/.append style={line width=1pt}, tick align=outside,\n"
        "  clip mode=individual,\n"; // the curves are cut at the axes, the kink labels not
    const QByteArray legendPlace =
        m_figure.single ? "  legend pos=north west,\n"
                        : "  legend columns=2, legend style={at={(0.5,1.03)}, anchor=south, "
                          "font=\\small},\n";
    if (!m_figure.stacked) {
        out() += "\\begin{axis}[\n  width=\\eluwidth, height=\\eluheight,\n" + common + legendPlace;
        axisOptions(m_figure.values, QStringLiteral("$%1(x)$, $%1'(x)$").arg(f));
        out() += "]\n";
        plots(true, true);
        legend();
        kinks();
        out() += "\\end{axis}\n";
    } else {
        out() += "\\begin{groupplot}[\n  group style={group size=1 by 2, vertical sep=12pt, "
                 "x descriptions at=edge bottom},\n"
                 "  width=\\eluwidth, height=0.5*\\eluheight,\n"
                 + common + legendPlace + "]\n";
        out() += "\\nextgroupplot[\n";
        axisOptions(m_figure.values, QStringLiteral("$%1(x)$").arg(f));
        out() += "]\n";
        plots(true, false);
        legend();
        out() += "\\nextgroupplot[\n";
        axisOptions(m_figure.derivatives, QStringLiteral("$%1'(x)$").arg(f));
        out() += "]\n";
        plots(false, true);
        kinks();
        out() += "\\end{groupplot}\n";
    }
    out() += "\\end{tikzpicture}\n";
    return m_out;
}

} // namespace

bool writeTex(QIODevice &device, const Session &session, const QString &dataFile)
{
    const QByteArray text = TexText(session, dataFile).write();
    return device.write(text) == text.size();
}

QString texDataPath(const QString &texPath)
{
    const QFileInfo info(texPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
}

WriteResult saveTex(const QString &path, const Session &session, bool withData,
                    const WriteControl &control)
{
    QString dataFile;
    if (withData) {
        const QString csv = texDataPath(path);
        if (WriteResult failed = saveCsv(csv, session.spec, control))
            return failed;
        dataFile = QFileInfo(csv).fileName();
    }
    return writeFileAtomically(
        path, [&](QIODevice &device) { return writeTex(device, session, dataFile); });
}

} // namespace elu
