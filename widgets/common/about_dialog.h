#pragma once
// Help › About: the application's name, version and purpose, its licence (the MIT text of LICENSE, embedded
// under :/about), the third-party libraries it is built with and their licences, and Qt's own About box.

#include <QDialog>

class QTabWidget;

namespace qx::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    enum class Page { About, Licence, ThirdParty };
    explicit AboutDialog(Page page = Page::About, QWidget* parent = nullptr);

    /// The full licence text shown on the Licence page.
    static QString licenceText();

private:
    QWidget* setupAboutPage();
    QWidget* setupThirdPartyPage();

    QTabWidget* m_tabs;
};

} // namespace qx::ui
