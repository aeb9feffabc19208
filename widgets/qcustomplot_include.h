#pragma once
// qcustomplot.h uses the Qt keywords (signals, slots, emit, foreach) that the whole build turns
// off with QT_NO_KEYWORDS (LibTorch uses `slots` as an identifier). Include it through this
// header, only from translation units without torch headers.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
