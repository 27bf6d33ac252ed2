/* qurb-modem-gammu.c — a modem through libGammu (the only code that sees it)
 *
 * Polling only: with incoming-SMS callbacks as well, gammu 1.42 hands
 * some messages over twice. Gammu's big structures (a multi-part message
 * is 50 parts of ~2 kB) live on the heap. */
#include "config.h"

#include <errno.h>
#include <gammu.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "qurb-modem-gammu.h"
#include "qurb-segments.h"

typedef struct {
  QurbModem parent;
  GSM_StateMachine *sm;
  gchar *device, *connection, *model, *capture_dir;
  guint send_timeout_ms;
  gboolean delivery_reports;
  gint send_status;          /* set by the send callback: -1 waiting, 0 ok */
  gint network_ref;
  guint captured;
  GHashTable *unreadable;    /* folder·100000 + location → polls it failed in a row */
} GammuModem;

/* Where Gammu writes its device locks (lock_device in libgammu). */
#define LOCK_DIR "/var/lock"

typedef struct {
  gint folder;
  gint location;
} PartHandle;

typedef struct {
  GSM_MultiSMSMessage sms;
} Encoded;

/* ---- text between Gammu's UCS-2 and UTF-8 ---- */

static gchar *
from_gammu (const unsigned char *text)
{
  return g_convert ((const gchar *) text, UnicodeLength (text) * 2, "UTF-8", "UTF-16BE",
                    NULL, NULL, NULL);
}

/* A message's text by its length, not up to its first NUL: a UCS-2 NUL
 * inside an SMS ("ETAT 20\0 24001234") would cut the rest off. Each NUL
 * becomes a space, which nothing downstream mistakes for an end. */
static gchar *
from_gammu_length (const unsigned char *text, gsize length)
{
  g_autofree guchar *copy = g_memdup2 (text, length * 2);

  for (gsize i = 0; i < length; i++)
    if (copy[2 * i] == 0 && copy[2 * i + 1] == 0)
      copy[2 * i + 1] = ' ';
  return g_convert ((const gchar *) copy, length * 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
}

static gboolean
to_gammu (const gchar *text, unsigned char *out, gsize out_size)
{
  gsize written = 0;
  g_autofree gchar *ucs2 = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &written, NULL);

  if (ucs2 == NULL || written + 2 > out_size)
    return FALSE;
  memcpy (out, ucs2, written);
  out[written] = out[written + 1] = 0;
  return TRUE;
}

static QurbModemError
error_code (GSM_Error e)
{
  switch (e)
    {
    case ERR_TIMEOUT:
      return QURB_MODEM_ERROR_TIMEOUT;
    case ERR_DEVICEOPENERROR: case ERR_DEVICELOCKED: case ERR_DEVICENOTEXIST:
    case ERR_DEVICEBUSY: case ERR_DEVICENOPERMISSION: case ERR_DEVICENODRIVER:
    case ERR_DEVICENOTWORK: case ERR_DEVICEWRITEERROR: case ERR_DEVICEREADERROR:
    case ERR_NOTCONNECTED:
      return QURB_MODEM_ERROR_DEVICE;
    default:
      return QURB_MODEM_ERROR_FAILED;
    }
}

static GError *
gammu_error (GSM_Error e, const gchar *what)
{
  return g_error_new (QURB_MODEM_ERROR, error_code (e), "%s: %s", what, GSM_ErrorString (e));
}

static void
send_status_callback (GSM_StateMachine *sm, int status, int reference, void *user_data)
{
  GammuModem *self = user_data;

  self->send_status = status;
  self->network_ref = reference;
}

static gboolean
gammu_connect (QurbModem *modem, GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  GSM_Config *cfg;
  GSM_Error e;

  if (self->sm != NULL && GSM_IsConnected (self->sm))
    return TRUE;
  /* Configured once: reconnecting reuses the state machine. */
  if (self->sm == NULL)
    {
      self->sm = GSM_AllocStateMachine ();
      cfg = GSM_GetConfig (self->sm, 0);
      GSM_ReadConfig (NULL, cfg, 0);  /* built-in defaults, then ours */
      free (cfg->Device);
      free (cfg->Connection);
      cfg->Device = strdup (self->device);
      cfg->Connection = strdup (self->connection);
      g_strlcpy (cfg->Model, self->model, sizeof cfg->Model);
      /* /var/lock/LCK..<device>: a second daemon on the same modem is
       * refused (ERR_DEVICELOCKED) instead of reading and deleting the
       * same messages; a stale lock from a killed daemon is taken over.
       * Without a lock folder Gammu could open nothing: said, not fatal. */
      cfg->LockDevice = access (LOCK_DIR, W_OK) == 0;
      if (!cfg->LockDevice)
        g_warning ("modem %s: %s is not writable (%s); the modem is not locked against a second daemon",
                   modem->name, LOCK_DIR, g_strerror (errno));
      GSM_SetConfigNum (self->sm, 1);
    }

  e = GSM_InitConnection (self->sm, 1);
  if (e != ERR_NONE)
    {
      g_propagate_error (error, gammu_error (e, "connect"));
      return FALSE;
    }
  GSM_SetSendSMSStatusCallback (self->sm, send_status_callback, self);
  return TRUE;
}

static void
gammu_disconnect (QurbModem *modem)
{
  GammuModem *self = (GammuModem *) modem;

  if (self->sm != NULL && GSM_IsConnected (self->sm))
    GSM_TerminateConnection (self->sm);
}

static gchar *
format_time (const GSM_DateTime *dt)
{
  if (dt->Year == 0)
    return g_strdup ("1970-01-01T00:00:00");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", dt->Year, dt->Month, dt->Day,
                          dt->Hour, dt->Minute, dt->Second);
}

static QurbModemPart *
part_from_sms (const GSM_SMSMessage *sms)
{
  QurbModemPart *part = g_new0 (QurbModemPart, 1);
  PartHandle *handle = g_new0 (PartHandle, 1);

  handle->folder = sms->Folder;
  handle->location = sms->Location;
  part->handle = handle;
  part->sender = from_gammu (sms->Number);
  if (part->sender == NULL)
    part->sender = g_strdup ("");
  part->sent_at = format_time (&sms->DateTime);
  part->reference = -1;
  part->total = part->seq = 1;

  if (sms->PDU == SMS_Status_Report)
    {
      part->status_report = TRUE;
      part->report_ref = sms->MessageReference;
      /* TP-ST below 0x20: the message reached the phone. */
      part->delivered = sms->DeliveryStatus < 0x20;
      return part;
    }
  if (sms->UDH.Type == UDH_ConcatenatedMessages || sms->UDH.Type == UDH_ConcatenatedMessages16bit)
    {
      part->reference = sms->UDH.Type == UDH_ConcatenatedMessages ? sms->UDH.ID8bit : sms->UDH.ID16bit;
      part->total = MAX (1, sms->UDH.AllParts);
      part->seq = CLAMP (sms->UDH.PartNumber, 1, part->total);
    }
  /* GSM-7 has no NUL (its 0 is '@'), and one septet escape makes one
   * character of two: Length counts septets there, characters in UCS-2. */
  if (sms->Coding == SMS_Coding_Unicode_No_Compression)
    part->text = from_gammu_length (sms->Text, CLAMP (sms->Length, 0, GSM_MAX_SMS_LENGTH));
  else if (sms->Coding == SMS_Coding_Default_No_Compression)
    part->text = from_gammu (sms->Text);
  /* NULL (8-bit data, or not valid UTF-16): stored, marked undecodable. */
  return part;
}

/* An error about the modem, not about one entry of its storage. */
static gboolean
is_modem_error (GSM_Error e)
{
  return error_code (e) != QURB_MODEM_ERROR_FAILED || e == ERR_NOTSUPPORTED || e == ERR_NOTIMPLEMENTED ||
         e == ERR_SECURITYERROR || e == ERR_MOREMEMORY;
}

/* An entry that cannot be read (a corrupted SIM entry, an empty or garbage
 * file on the dummy driver): logged once, skipped, and deleted when it is
 * still unreadable at the next poll, so that it neither stops the modem nor
 * fills its storage. Gammu's own tools skip such entries too. */
static void
unreadable_entry (GammuModem *self, GHashTable *seen_now, const GSM_SMSMessage *where, GSM_Error e)
{
  gint key = where->Folder * 100000 + where->Location;
  guint times = GPOINTER_TO_UINT (g_hash_table_lookup (self->unreadable, GINT_TO_POINTER (key))) + 1;

  if (times == 1)
    g_warning ("modem %s: the message at folder %d, location %d cannot be read (%s); skipped",
               self->parent.name, where->Folder, where->Location, GSM_ErrorString (e));
  else if (times == 2)
    {
      g_autofree GSM_SMSMessage *sms = g_new0 (GSM_SMSMessage, 1);
      GSM_Error deleted;

      sms->Folder = where->Folder;
      sms->Location = where->Location;
      deleted = GSM_DeleteSMS (self->sm, sms);
      if (deleted == ERR_NONE)
        g_message ("modem %s: the unreadable message at folder %d, location %d deleted",
                   self->parent.name, where->Folder, where->Location);
      else
        g_warning ("modem %s: the unreadable message at folder %d, location %d cannot be deleted (%s);"
                   " it stays and is skipped", self->parent.name, where->Folder, where->Location,
                   GSM_ErrorString (deleted));
    }
  g_hash_table_insert (seen_now, GINT_TO_POINTER (key), GUINT_TO_POINTER (times));
}

static GPtrArray *
gammu_read_inbox (QurbModem *modem, GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_modem_part_free);
  g_autoptr(GHashTable) unreadable_now = g_hash_table_new (NULL, NULL);
  g_autofree GSM_MultiSMSMessage *sms = g_new0 (GSM_MultiSMSMessage, 1);
  gboolean start = TRUE;
  gint last_folder = -1, last_location = -1;

  while (TRUE)
    {
      GSM_Error e = GSM_GetNextSMS (self->sm, sms, start);

      start = FALSE;
      if (e == ERR_EMPTY)
        break;
      if (e != ERR_NONE)
        {
          /* The same place twice: Gammu cannot step past it this time. */
          gboolean stuck = sms->SMS[0].Folder == last_folder && sms->SMS[0].Location == last_location;

          if (is_modem_error (e) || stuck)
            {
              /* What was read is kept: stored now, the rest next poll. */
              if (parts->len > 0)
                break;
              g_propagate_error (error, gammu_error (e, "read"));
              return NULL;
            }
          last_folder = sms->SMS[0].Folder;
          last_location = sms->SMS[0].Location;
          unreadable_entry (self, unreadable_now, &sms->SMS[0], e);
          continue;
        }
      for (gint i = 0; i < sms->Number; i++)
        if (sms->SMS[i].InboxFolder &&
            (sms->SMS[i].PDU == SMS_Deliver || sms->SMS[i].PDU == SMS_Status_Report))
          g_ptr_array_add (parts, part_from_sms (&sms->SMS[i]));
    }
  /* Only the entries unreadable in this pass are remembered. */
  g_hash_table_unref (self->unreadable);
  self->unreadable = g_steal_pointer (&unreadable_now);
  return g_steal_pointer (&parts);
}

static gboolean
gammu_delete_part (QurbModem *modem, QurbModemPart *part, GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  PartHandle *handle = part->handle;
  g_autofree GSM_SMSMessage *sms = g_new0 (GSM_SMSMessage, 1);
  GSM_Error e;

  sms->Folder = handle->folder;
  sms->Location = handle->location;
  e = GSM_DeleteSMS (self->sm, sms);
  if (e != ERR_NONE && e != ERR_EMPTY)
    {
      g_propagate_error (error, gammu_error (e, "delete"));
      return FALSE;
    }
  return TRUE;
}

/* One part's text into one Gammu message in the alphabet chosen for the
 * whole message, without a header yet. */
static gboolean
encode_piece (const gchar *piece, QurbEncoding encoding, GSM_SMSMessage *out)
{
  g_autofree GSM_MultiPartSMSInfo *info = g_new0 (GSM_MultiPartSMSInfo, 1);
  g_autofree GSM_MultiSMSMessage *one = g_new0 (GSM_MultiSMSMessage, 1);
  unsigned char buffer[(GSM_MAX_SMS_LENGTH + 1) * 2];

  if (!to_gammu (piece, buffer, sizeof buffer))
    return FALSE;
  GSM_ClearMultiPartSMSInfo (info);
  info->Class = -1;
  info->EntriesNum = 1;
  info->Entries[0].ID = SMS_ConcatenatedTextLong;
  info->Entries[0].Buffer = buffer;
  info->UnicodeCoding = encoding == QURB_ENCODING_UCS2;
  if (GSM_EncodeMultiPartSMS (NULL, info, one) != ERR_NONE || one->Number != 1)
    return FALSE;
  *out = one->SMS[0];
  return TRUE;
}

/* The parts are cut by our segment maths (at a space, never inside a
 * number or code), each encoded alone and joined by a concatenation
 * header that carries the message's own reference: Gammu derives one
 * from the clock, and two messages in one second collide. */
static gpointer
gammu_encode (QurbModem *modem, const gchar *number, const gchar *text, guint8 reference,
              guint *n_parts, GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  g_autoptr(GPtrArray) pieces = qurb_sms_split (text);
  Encoded *encoded = g_new0 (Encoded, 1);
  QurbSegments segments;

  qurb_sms_segments (text, &segments);
  if (pieces->len > GSM_MAX_MULTI_SMS)
    goto invalid;
  for (guint i = 0; i < pieces->len; i++)
    {
      GSM_SMSMessage *part = &encoded->sms.SMS[i];

      if (!encode_piece (pieces->pdata[i], segments.encoding, part) ||
          !to_gammu (number, part->Number, sizeof part->Number))
        goto invalid;
      /* A submit that asks the network for a delivery report. */
      part->PDU = self->delivery_reports ? SMS_Status_Report : SMS_Submit;
      part->SMSC.Location = 1;  /* the SIM's service centre */
      if (pieces->len > 1)
        {
          part->UDH.Type = UDH_ConcatenatedMessages;
          part->UDH.ID8bit = reference;
          part->UDH.ID16bit = -1;
          part->UDH.AllParts = pieces->len;
          part->UDH.PartNumber = i + 1;
          GSM_EncodeUDHHeader (NULL, &part->UDH);
        }
    }
  encoded->sms.Number = pieces->len;
  *n_parts = pieces->len;
  return encoded;

invalid:
  g_free (encoded);
  g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "text or number cannot be encoded");
  return NULL;
}

/* Writes one part as a Gammu smsbackup file, whole or not at all. */
static gboolean
write_backup (const gchar *path, GSM_SMSMessage *sms, GError **error)
{
  g_autofree GSM_SMS_Backup *backup = g_new0 (GSM_SMS_Backup, 1);
  g_autofree gchar *partial = g_strconcat (path, ".part", NULL);
  GSM_Error e;

  g_unlink (partial);
  backup->SMS[0] = sms;
  backup->SMS[1] = NULL;
  e = GSM_AddSMSBackupFile (partial, backup);
  if (e != ERR_NONE)
    {
      g_propagate_error (error, gammu_error (e, "backup file"));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
gammu_send_part (QurbModem *modem, gpointer encoded_ptr, guint index, gint *network_ref,
                 GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  Encoded *encoded = encoded_ptr;
  GSM_SMSMessage *part = &encoded->sms.SMS[index];
  gint64 deadline = g_get_monotonic_time () + (gint64) self->send_timeout_ms * 1000;
  GSM_Error e;

  g_return_val_if_fail (index < (guint) encoded->sms.Number, FALSE);
  self->send_status = -1;
  e = GSM_SendSMS (self->sm, part);
  if (e != ERR_NONE)
    {
      g_propagate_error (error, gammu_error (e, "send"));
      return FALSE;
    }
  /* The answer comes through the callback, which always runs. */
  while (self->send_status == -1 && g_get_monotonic_time () < deadline)
    GSM_ReadDevice (self->sm, TRUE);
  if (self->send_status == -1)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_TIMEOUT, "send: no answer from the modem");
      return FALSE;
    }
  if (self->send_status != 0)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_REFUSED, "send: refused (%d)", self->send_status);
      return FALSE;
    }
  if (network_ref)
    *network_ref = self->network_ref;

  if (self->capture_dir != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree gchar *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
      g_autofree gchar *name = g_strdup_printf ("OUT%s-%d-%06u-%02u.smsbackup", stamp, (gint) getpid (),
                                                ++self->captured, index + 1);
      g_autofree gchar *path = g_build_filename (self->capture_dir, name, NULL);

      if (!write_backup (path, part, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gammu_status (QurbModem *modem, gint *signal_percent, gchar **network, GError **error)
{
  GammuModem *self = (GammuModem *) modem;
  g_autofree GSM_NetworkInfo *info = g_new0 (GSM_NetworkInfo, 1);
  GSM_SignalQuality signal = { 0 };
  GSM_Error e = GSM_GetSignalQuality (self->sm, &signal);

  if (e != ERR_NONE && e != ERR_NOTSUPPORTED && e != ERR_NOTIMPLEMENTED)
    {
      g_propagate_error (error, gammu_error (e, "signal"));
      return FALSE;
    }
  *signal_percent = e == ERR_NONE ? signal.SignalPercent : -1;
  e = GSM_GetNetworkInfo (self->sm, info);
  *network = e == ERR_NONE ? from_gammu (info->NetworkName) : NULL;
  if (*network == NULL)
    *network = g_strdup (e == ERR_NONE ? info->NetworkCode : "?");
  return TRUE;
}

static void
gammu_free_encoded (gpointer encoded)
{
  g_free (encoded);
}

static void
gammu_free (QurbModem *modem)
{
  GammuModem *self = (GammuModem *) modem;

  gammu_disconnect (modem);
  if (self->sm != NULL)
    GSM_FreeStateMachine (self->sm);
  g_free (self->device);
  g_free (self->connection);
  g_free (self->model);
  g_free (self->capture_dir);
  g_hash_table_unref (self->unreadable);
  g_free (modem->name);
  g_free (self);
}

static const QurbModemOps gammu_ops = {
  gammu_connect, gammu_disconnect, gammu_read_inbox, gammu_delete_part,
  gammu_encode, gammu_send_part, gammu_free_encoded, gammu_free, gammu_status,
};

QurbModem *
qurb_modem_gammu_new (const QurbGammuConfig *config)
{
  GammuModem *self = g_new0 (GammuModem, 1);

  self->parent.ops = &gammu_ops;
  self->parent.name = g_strdup (config->name);
  self->unreadable = g_hash_table_new (NULL, NULL);
  self->device = g_strdup (config->device ? config->device : "/dev/ttyUSB0");
  self->connection = g_strdup (config->connection && *config->connection ? config->connection : "at");
  self->model = g_strdup (config->model ? config->model : "");
  self->capture_dir = config->capture_dir && *config->capture_dir ? g_strdup (config->capture_dir) : NULL;
  self->send_timeout_ms = config->send_timeout_ms ? config->send_timeout_ms : 30000;
  self->delivery_reports = config->delivery_reports;
  return &self->parent;
}

/* A part as a network would deliver it, into a Gammu smsbackup file (the
 * dummy driver's inbox is a folder of them). */
gboolean
qurb_gammu_write_part (const gchar *path, const QurbModemPart *part, GError **error)
{
  g_autofree GSM_SMSMessage *sms = g_new0 (GSM_SMSMessage, 1);
  QurbSegments segments;

  GSM_SetDefaultSMSData (sms);
  sms->PDU = SMS_Deliver;
  sms->Folder = 1;
  sms->InboxFolder = TRUE;
  sms->Memory = MEM_SM;
  sms->State = SMS_UnRead;
  qurb_sms_segments (part->text ? part->text : "", &segments);
  sms->Coding = segments.encoding == QURB_ENCODING_UCS2 ? SMS_Coding_Unicode_No_Compression
                                                        : SMS_Coding_Default_No_Compression;
  GSM_GetCurrentDateTime (&sms->DateTime);
  if (part->sent_at != NULL)
    sscanf (part->sent_at, "%d-%d-%dT%d:%d:%d", &sms->DateTime.Year, &sms->DateTime.Month,
            &sms->DateTime.Day, &sms->DateTime.Hour, &sms->DateTime.Minute, &sms->DateTime.Second);
  if (!to_gammu (part->sender, sms->Number, sizeof sms->Number) ||
      !to_gammu (part->text ? part->text : "", sms->Text, sizeof sms->Text))
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "cannot encode the part");
      return FALSE;
    }
  sms->Length = UnicodeLength (sms->Text);
  if (part->reference >= 0)
    {
      sms->UDH.Type = UDH_ConcatenatedMessages;
      sms->UDH.Length = 6;
      sms->UDH.Text[0] = 5;
      sms->UDH.Text[1] = 0;
      sms->UDH.Text[2] = 3;
      sms->UDH.Text[3] = part->reference;
      sms->UDH.Text[4] = part->total;
      sms->UDH.Text[5] = part->seq;
      sms->UDH.ID8bit = part->reference;
      sms->UDH.AllParts = part->total;
      sms->UDH.PartNumber = part->seq;
    }
  return write_backup (path, sms, error);
}

/* The parts of a Gammu smsbackup file (capture-dir), text decoded. */
GPtrArray *
qurb_gammu_read_parts (const gchar *path, GError **error)
{
  g_autofree GSM_SMS_Backup *backup = g_new0 (GSM_SMS_Backup, 1);
  GPtrArray *parts;
  GSM_Error e = GSM_ReadSMSBackupFile (path, backup);

  if (e != ERR_NONE)
    {
      g_propagate_error (error, gammu_error (e, path));
      return NULL;
    }
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_modem_part_free);
  for (guint i = 0; backup->SMS[i] != NULL; i++)
    {
      QurbModemPart *part;

      /* What we sent: a submit, whether or not it asked for a report
       * (which Gammu marks as a status-report PDU). */
      backup->SMS[i]->PDU = SMS_Submit;
      part = part_from_sms (backup->SMS[i]);
      g_free (part->sender);
      part->sender = from_gammu (backup->SMS[i]->Number);
      g_ptr_array_add (parts, part);
    }
  GSM_FreeSMSBackup (backup);
  return parts;
}
