#include "format_text.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Quantization Explorer"));
    QMainWindow window;
    window.setWindowTitle(QApplication::applicationName());
    auto* label = new QLabel(QObject::tr("Quantization Explorer"), &window);
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1200, 800);
    window.show();
    return app.exec();
}
