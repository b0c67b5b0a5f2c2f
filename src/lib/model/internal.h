/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model/internal.h -- what the model's files share; not part of the API. */
#ifndef JX_MODEL_INTERNAL_H
#define JX_MODEL_INTERNAL_H

#include "base/internal.h"
#include "jixiao/model.h"
#include "jixiao/text.h"

#endif
