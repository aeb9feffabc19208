#include "widgets/remove_run_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace glowscope {

RemoveRunDialog::RemoveRunDialog(const QString& runName, const QString& runFolder, QWidget* parent)
    : QDialog(parent) {
  setObjectName("removeRunDialog");
  setWindowTitle(tr("Remove run"));
  auto* text =
      new QLabel(tr("Remove run <b>%1</b> from the list?").arg(runName.toHtmlEscaped()), this);
  auto* explanation = new QLabel(
      tr("Its files stay, and <i>Show removed runs</i> lists it again to restore it."), this);
  explanation->setWordWrap(true);
  deleteBox_ = new QCheckBox(tr("Also &delete its files (checkpoints, metrics, model)"), this);
  deleteBox_->setObjectName("deleteFilesBox");
  deleteBox_->setEnabled(!runFolder.isEmpty());
  warning_ = new QLabel(tr("The folder %1 and everything in it will be deleted. This cannot be "
                           "undone.")
                            .arg(runFolder),
                        this);
  warning_->setObjectName("deleteWarning");
  warning_->setWordWrap(true);
  warning_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  warning_->setStyleSheet("color: #d04040;");
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  removeButton_ = buttons->addButton(tr("&Remove from List"), QDialogButtonBox::AcceptRole);
  removeButton_->setObjectName("confirmRemoveButton");
  cancelButton_ = buttons->button(QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(deleteBox_, &QCheckBox::toggled, this, &RemoveRunDialog::updateForChoice);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(text);
  layout->addWidget(explanation);
  layout->addWidget(deleteBox_);
  layout->addWidget(warning_);
  layout->addWidget(buttons);
  updateForChoice();
}

bool RemoveRunDialog::deleteFiles() const {
  return deleteBox_->isEnabled() && deleteBox_->isChecked();
}

void RemoveRunDialog::updateForChoice() {
  warning_->setVisible(deleteFiles());
  removeButton_->setText(deleteFiles() ? tr("Remove and Delete &Files") : tr("&Remove from List"));
  // Enter removes from the list, but never deletes: with the box ticked it cancels.
  removeButton_->setDefault(!deleteFiles());
  cancelButton_->setDefault(deleteFiles());
  adjustSize();
}

}  // namespace glowscope
