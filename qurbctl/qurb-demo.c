/* qurb-demo.c — a realistic demo data set, loaded through the real imports
 *
 * The demo writes CSV files exactly as the central system would, then
 * imports them with the same code staff use, takes bookings through the
 * booking rules, and replays a day of status changes so that notices sit
 * in the outbox. Dates follow QURB_NOW, so the caravans are always ahead.
 * A fixed seed makes every demo database the same for the same day. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qurb-booking.h"
#include "qurb-clock.h"
#include "qurb-csv.h"
#include "qurb-demo.h"

typedef struct { const gchar *fr, *ar; } Name;

static const Name last_names[] = {
  { "ALAOUI", "العلوي" }, { "BENNANI", "بناني" }, { "EL AMRANI", "العمراني" },
  { "OUAZZANI", "الوزاني" }, { "TAZI", "التازي" }, { "AIT BAHA", "أيت باها" },
  { "EL FASSI", "الفاسي" }, { "BERRADA", "برادة" }, { "CHRAIBI", "الشرايبي" },
  { "IDRISSI", "الإدريسي" }, { "LAHLOU", "لحلو" }, { "EL MANSOURI", "المنصوري" },
  { "BENJELLOUN", "بنجلون" }, { "ZIANI", "الزياني" }, { "MA EL AININE", "ماء العينين" },
  { "EL KHALIL", "الخليل" }, { "OULD SIDI", "ولد سيدي" }, { "BOUZIDI", "البوزيدي" },
  { "AMGHAR", "أمغار" }, { "OUBAHA", "أوباها" }, { "EL HAIBA", "الهيبة" },
};

static const Name first_names[] = {
  { "Fatima", "فاطمة" }, { "Mohamed", "محمد" }, { "Khadija", "خديجة" }, { "Youssef", "يوسف" },
  { "Aïcha", "عائشة" }, { "Ahmed", "أحمد" }, { "Zineb", "زينب" }, { "Hassan", "حسن" },
  { "Naïma", "نعيمة" }, { "Omar", "عمر" }, { "Salma", "سلمى" }, { "Brahim", "ابراهيم" },
  { "Hafsa", "حفصة" }, { "Mustapha", "مصطفى" }, { "Meriem", "مريم" }, { "Abdellah", "عبد الله" },
  { "Rachida", "رشيدة" }, { "Saïd", "سعيد" }, { "Leïla", "ليلى" }, { "Mbarka", "مباركة" },
  { "Salek", "سالك" }, { "Mahjouba", "محجوبة" }, { "Lahcen", "لحسن" }, { "Hamid", "حميد" },
};

static const gchar *const provinces[] = {
  "Laâyoune", "Guelmim", "Smara", "Dakhla", "Tan-Tan", "Boujdour", "Assa-Zag", "Tata",
  "Tiznit", "Salé", "Rabat",
};

static const gchar *const kinds[] = { "MALADIE", "OPTIQUE", "DENTAIRE", "HOSPITALISATION", "MATERNITE" };
static const gchar *const statuses[] = { "RECU", "EN_COURS", "TRANSMIS", "PAYE", "REJETE", "INCOMPLET" };
static const gchar *const reasons[] = {
  "Hors délai de dépôt", "Pièce justificative manquante", "Ordonnance non signée", "Devis manquant",
};

typedef struct {
  const gchar *code, *specialty, *title_fr, *title_ar, *province, *site_fr, *site_ar;
  gint days_ahead;
  const gchar *start, *end;
  gint slot_minutes, seats;
} DemoCaravan;

static const DemoCaravan caravans[] = {
  { "LAA3", "OPHTALMOLOGIE", "Caravane ophtalmologique", "القافلة الطبية لطب العيون", "Laâyoune",
    "Centre de santé Hay Al Qods", "المركز الصحي حي القدس", 10, "09:00", "13:00", 30, 6 },
  { "GLM2", "DEPISTAGE", "Dépistage des maladies chroniques", "الكشف المبكر عن الأمراض المزمنة", "Guelmim",
    "Dispensaire Tighmert", "مستوصف تغمرت", 14, "08:30", "12:30", 30, 8 },
  { "SMA2", "GENERALE", "Consultations de médecine générale", "استشارات الطب العام", "Smara",
    "Maison des jeunes", "دار الشباب", 17, "09:00", "11:00", 30, 2 },
  { "DAK2", "DENTAIRE", "Caravane dentaire", "القافلة الطبية لطب الأسنان", "Dakhla",
    "Hôpital Hassan II", "مستشفى الحسن الثاني", 21, "09:00", "12:00", 60, 4 },
  { "TNT1", "PEDIATRIE", "Consultations pédiatriques", "استشارات طب الأطفال", "Tan-Tan",
    "Centre de santé Al Wahda", "المركز الصحي الوحدة", 24, "09:00", "13:00", 20, 3 },
  { "ASZ1", "GYNECOLOGIE", "Caravane de santé de la femme", "قافلة صحة المرأة", "Assa-Zag",
    "Dispensaire rural d'Assa", "المستوصف القروي آسا", 28, "09:00", "12:00", 30, 4 },
  { "TAT1", "OPHTALMOLOGIE", "Caravane ophtalmologique", "القافلة الطبية لطب العيون", "Tata",
    "Hôpital provincial de Tata", "المستشفى الإقليمي بطاطا", 35, "08:30", "12:30", 30, 6 },
  { "BJD1", "DEPISTAGE", "Dépistage du diabète et de l'hypertension", "الكشف عن السكري وارتفاع الضغط", "Boujdour",
    "Centre de santé urbain", "المركز الصحي الحضري", 40, "09:00", "13:00", 30, 5 },
  { "LAA0", "DENTAIRE", "Caravane dentaire", "القافلة الطبية لطب الأسنان", "Laâyoune",
    "Centre de santé Hay Al Qods", "المركز الصحي حي القدس", -20, "09:00", "12:00", 60, 4 },
};

static void
append_field (GString *out, const gchar *value, gboolean last)
{
  qurb_csv_append_field (out, value);
  g_string_append_c (out, last ? '\n' : ',');
}

static void
append_row (GString *out, const gchar *const *values, guint n)
{
  for (guint i = 0; i < n; i++)
    append_field (out, values[i], i + 1 == n);
}

static gchar *
date_offset (GDateTime *now, gint days)
{
  g_autoptr(GDateTime) dt = g_date_time_add_days (now, days);
  return g_date_time_format (dt, "%Y-%m-%d");
}

static void
demo_members (GRand *rand, guint n, GDateTime *now, GString *csv)
{
  g_string_append (csv, "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,"
                        "birth_date,phone,lang,province\n");
  for (guint i = 0; i < n; i++)
    {
      const Name *last = &last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
      const Name *first = &first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      g_autofree gchar *member_no = g_strdup_printf ("%u", 100001 + i);
      g_autofree gchar *cin = g_strdup_printf ("%c%c%06d", 'A' + g_rand_int_range (rand, 0, 26),
                                               'A' + g_rand_int_range (rand, 0, 26),
                                               g_rand_int_range (rand, 1, 999999));
      g_autofree gchar *birth = date_offset (now, -g_rand_int_range (rand, 22 * 365, 75 * 365));
      /* One member in ten has no mobile phone on file. */
      g_autofree gchar *phone = g_rand_int_range (rand, 0, 10) == 0 ? g_strdup ("")
        : g_strdup_printf ("0%d%08u", g_rand_boolean (rand) ? 6 : 7, 10000000 + i * 7919 % 89999999);
      const gchar *lang = g_rand_int_range (rand, 0, 10) < 6 ? "ar" : "fr";
      const gchar *province = provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))];
      const gchar *row[] = { member_no, cin, last->fr, first->fr, last->ar, first->ar,
                             birth, phone, lang, province };

      /* The README's walk-through: member 100001, CIN AB123456, whose
       * registered phone is 0612345678. */
      if (i == 0)
        {
          static const gchar *const known[] = { "100001", "AB123456", "ALAOUI", "Fatima", "العلوي",
                                                "فاطمة", "1975-03-12", "0612345678", "ar", "Laâyoune" };
          append_row (csv, known, G_N_ELEMENTS (known));
          continue;
        }
      append_row (csv, row, G_N_ELEMENTS (row));
    }
}

/* Claims in every status; with_changes moves some of them on a step, as
 * the next day's export would. */
static guint
demo_claims (GRand *rand, guint n_members, GDateTime *now, GString *csv, gboolean with_changes)
{
  guint n = 0;

  g_string_append (csv, "dossier_no,member_no,kind,deposited_on,status,status_date,"
                        "amount_claimed,amount_paid,reason\n");
  for (guint m = 0; m < n_members; m++)
    {
      guint per_member = g_rand_int_range (rand, 1, 5);

      for (guint c = 0; c < per_member; c++, n++)
        {
          g_autofree gchar *dossier = g_strdup_printf ("2026%06u", n + 1);
          g_autofree gchar *member_no = g_strdup_printf ("%u", 100001 + m);
          gint age_days = g_rand_int_range (rand, 2, 400);
          g_autofree gchar *deposited = date_offset (now, -age_days);
          g_autofree gchar *status_date = date_offset (now, -age_days + g_rand_int_range (rand, 0, age_days));
          guint status = g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses));
          gint claimed = g_rand_int_range (rand, 150, 25000);
          g_autofree gchar *amount = g_strdup_printf ("%d.%02d", claimed, g_rand_int_range (rand, 0, 100));
          g_autofree gchar *paid = NULL;
          const gchar *reason = "";
          const gchar *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];

          if (with_changes && n % 9 == 0 && status < 3)
            {
              g_free (status_date);
              status_date = date_offset (now, 0);
              status++;
            }
          paid = statuses[status][0] == 'P' ? g_strdup_printf ("%d.00", claimed * 65 / 100) : g_strdup ("0");
          if (status >= 4)
            reason = reasons[n % G_N_ELEMENTS (reasons)];
          {
            const gchar *row[] = { dossier, member_no, kind, deposited, statuses[status],
                                   status_date, amount, paid, reason };
            append_row (csv, row, G_N_ELEMENTS (row));
          }
        }
    }
  return n;
}

static void
demo_caravans (GDateTime *now, GString *csv)
{
  g_string_append (csv, "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,"
                        "start_time,end_time,slot_minutes,seats_per_slot\n");
  for (guint i = 0; i < G_N_ELEMENTS (caravans); i++)
    {
      const DemoCaravan *c = &caravans[i];
      g_autofree gchar *date = date_offset (now, c->days_ahead);
      g_autofree gchar *minutes = g_strdup_printf ("%d", c->slot_minutes);
      g_autofree gchar *seats = g_strdup_printf ("%d", c->seats);
      const gchar *row[] = { c->code, c->specialty, c->title_fr, c->title_ar, c->province,
                             c->site_fr, c->site_ar, date, c->start, c->end, minutes, seats };

      append_row (csv, row, G_N_ELEMENTS (row));
    }
}

static gboolean
import_text (QurbDb *db, const gchar *dir, const gchar *name, QurbImportKind kind,
             GString *csv, QurbImportStats *stats, GError **error)
{
  g_autofree gchar *path = g_build_filename (dir, name, NULL);
  gboolean ok;

  if (!g_file_set_contents (path, csv->str, csv->len, error))
    return FALSE;
  ok = qurb_import_file (db, kind, path, NULL, stats, error);
  g_unlink (path);
  return ok;
}

/* Books a spread of members on the upcoming caravans; SMA2 ends up full. */
static gboolean
demo_bookings (QurbDb *db, GRand *rand, guint n_members, guint *n_booked, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (caravans); i++)
    {
      const DemoCaravan *c = &caravans[i];
      guint wanted = c->days_ahead < 0 ? 0 : (guint) (c->seats * 2 + (i % 3) * 2);

      for (guint k = 0; k < wanted && k < n_members; k++)
        {
          QurbBookingRequest request = {
            .member_id = g_rand_int_range (rand, 1, n_members + 1),
            .caravan_code = c->code,
            .requested_minute = -1,
            .channel = k % 2 ? "kiosk" : "sms",
          };
          QurbBookingResult result;

          if (!qurb_booking_take (db, &request, &result, error))
            return FALSE;
          *n_booked += result.outcome == QURB_BOOKING_OK;
        }
    }
  return TRUE;
}

/* An open day announced yesterday, on the lobby banner for a week. */
static gboolean
demo_announcement (QurbDb *db, GDateTime *now, GError **error)
{
  g_autoptr(GDateTime) sent = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) until = g_date_time_add_days (now, 7);
  g_autofree gchar *sent_iso = qurb_datetime_iso (sent);
  g_autofree gchar *until_iso = qurb_datetime_iso (until);

  return qurb_db_transact_exec (db, error,
      "INSERT INTO announcements (title_fr, title_ar, text_fr, text_ar, audience, send_at,"
      "  banner_until, state, created_by, created_at)"
      " VALUES (?, ?, ?, ?, 'all', ?, ?, 'done', 'demo', ?)",
      "ttttttt", "Journée portes ouvertes", "يوم الأبواب المفتوحة",
      "Qualité des services, notre responsabilité : l'agence vous accueille samedi de 9 h à 16 h.",
      "جودة الخدمات مسؤوليتنا: الوكالة تستقبلكم يوم السبت من 9 إلى 16.",
      sent_iso, until_iso, sent_iso);
}

gboolean
qurb_demo_load (QurbDb *db, guint n_members, QurbDemoStats *stats, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree gchar *dir = g_dir_make_tmp ("qurb-demo-XXXXXX", error);
  QurbImportStats import_stats;
  QurbDemoStats local = { 0 };
  gboolean ok = FALSE;
  guint32 claims_seed;

  if (dir == NULL)
    return FALSE;

  demo_members (rand, n_members, now, csv);
  if (!import_text (db, dir, "members.csv", QURB_IMPORT_MEMBERS, csv, &import_stats, error))
    goto out;
  local.members = import_stats.inserted + import_stats.updated + import_stats.unchanged;

  /* The same draws twice: yesterday's export, then today's with changes. */
  claims_seed = g_rand_int (rand);
  g_string_truncate (csv, 0);
  g_rand_set_seed (rand, claims_seed);
  demo_claims (rand, n_members, now, csv, FALSE);
  if (!import_text (db, dir, "claims.csv", QURB_IMPORT_CLAIMS, csv, &import_stats, error))
    goto out;
  local.claims = import_stats.inserted + import_stats.updated + import_stats.unchanged;

  g_string_truncate (csv, 0);
  demo_caravans (now, csv);
  if (!import_text (db, dir, "caravans.csv", QURB_IMPORT_CARAVANS, csv, &import_stats, error))
    goto out;
  local.caravans = import_stats.inserted + import_stats.updated + import_stats.unchanged;

  if (!demo_bookings (db, rand, n_members, &local.bookings, error) ||
      !demo_announcement (db, now, error))
    goto out;

  g_string_truncate (csv, 0);
  g_rand_set_seed (rand, claims_seed);
  demo_claims (rand, n_members, now, csv, TRUE);
  if (!import_text (db, dir, "claims-today.csv", QURB_IMPORT_CLAIMS, csv, &import_stats, error))
    goto out;
  local.notices = import_stats.notices;
  ok = TRUE;

out:
  g_rmdir (dir);
  if (stats)
    *stats = local;
  return ok;
}
