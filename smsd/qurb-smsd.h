/* qurb-smsd.h — the SMS daemon: modems polled, messages answered, outbox sent */
#pragma once

#include "qurb-db.h"
#include "qurb-modem.h"
#include "qurb-smsd-config.h"

G_BEGIN_DECLS

typedef struct _QurbSmsd QurbSmsd;

/* Takes modems (QurbModem, one per config->modems entry, same order). */
QurbSmsd *qurb_smsd_new         (QurbDb         *db,
                                 QurbSmsdConfig *config,
                                 GPtrArray      *modems);
void      qurb_smsd_start       (QurbSmsd *smsd);
void      qurb_smsd_stop        (QurbSmsd *smsd);
void      qurb_smsd_free        (QurbSmsd *smsd);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbSmsd, qurb_smsd_free)

G_END_DECLS
