#include "app_icon.h"

namespace qx::ui {

QIcon appIcon()
{
    QIcon icon;
    for (int side : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/icons/qexplore-%1.png").arg(side), QSize(side, side));
    return icon;
}

} // namespace qx::ui
