// SPDX-License-Identifier: MIT
// Build-time tool: renders the scalable icon to a square PNG.
// Usage: elu-render-icon INPUT.svg SIZE OUTPUT.png   (exit status 0 success, 1 failure)
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // Paths and shapes only, no text: no GUI application (and no display) is needed.
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 4096) {
        err << "usage: elu-render-icon INPUT.svg SIZE OUTPUT.png\n";
        return 1;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "elu-render-icon: cannot read SVG " << args.at(1) << '\n';
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();

    QSaveFile file(args.at(3));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        err << "elu-render-icon: cannot write " << args.at(3) << ": " << file.errorString() << '\n';
        return 1;
    }
    return 0;
}
