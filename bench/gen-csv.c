/* gen-csv.c — synthetic import files for the benchmarks
 *
 *   gen-csv members N_MEMBERS
 *   gen-csv claims N_MEMBERS N_CLAIMS
 *   gen-csv delta N_MEMBERS N_CLAIMS N_CHANGED N_NEW
 *   gen-csv claims-random …, delta-random …   the same rows in random order
 *
 * write CSV to stdout in the formats of docs/DESIGN.md. Dossier i belongs to
 * member i mod N_MEMBERS (numbers are handed out in time order across all
 * members, as the central system does). A delta moves N_CHANGED claims,
 * spread evenly over the file, one status further and adds N_NEW claims.
 * A real export lists dossiers in no useful order: the -random forms
 * write the same rows shuffled (a fixed seed, so every run reads the
 * same file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const statuses[] = { "RECU", "EN_COURS", "TRANSMIS", "PAYE", "REJETE", "INCOMPLET" };
static const char *const kinds[] = { "MALADIE", "OPTIQUE", "DENTAIRE", "HOSPITALISATION", "MATERNITE" };
static const char *const provinces[] = { "Laâyoune", "Guelmim", "Smara", "Dakhla", "Tan-Tan", "Salé" };

static unsigned long
mix (unsigned long x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdUL;
  x ^= x >> 33;
  return x;
}

/* xorshift64*: enough to shuffle, the same on every machine. */
static unsigned long
next_random (unsigned long *state)
{
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 0x2545f4914f6cdd1dUL;
}

/* Rows as (index, status shift) pairs, shuffled when asked. */
typedef struct {
  unsigned long index;
  int shift;
} Row;

static void claim_row (unsigned long i, unsigned long n_members, int status_shift);

static void
emit (Row *rows, unsigned long n, unsigned long n_members, int shuffle)
{
  unsigned long state = 0x9e3779b97f4a7c15UL;

  for (unsigned long k = n; shuffle && k > 1; k--)
    {
      unsigned long j = next_random (&state) % k;
      Row tmp = rows[k - 1];

      rows[k - 1] = rows[j];
      rows[j] = tmp;
    }
  puts ("dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason");
  for (unsigned long k = 0; k < n; k++)
    claim_row (rows[k].index, n_members, rows[k].shift);
}

static void
claim_row (unsigned long i, unsigned long n_members, int status_shift)
{
  unsigned long h = mix (i);
  unsigned status = (h % 4 + status_shift) % 6;
  unsigned day = 1 + h % 28, month = 1 + (h >> 8) % 12;
  unsigned claimed = 150 + (h >> 16) % 20000;

  printf ("%010lu,%lu,%s,2025-%02u-%02u,%s,2025-%02u-%02u,%u.%02lu,%s,%s\n",
          3000000000UL + i, 100000 + i % n_members, kinds[h % 5], month, day, statuses[status],
          month, day, claimed, (h >> 24) % 100,
          status == 3 ? "100.00" : "0", status >= 4 ? "\"Pièce manquante, voir agence\"" : "");
}

int
main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "members") == 0)
    {
      unsigned long n = strtoul (argv[2], NULL, 10);

      puts ("member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province");
      for (unsigned long i = 0; i < n; i++)
        printf ("%lu,AB%lu,NOM%lu,Prénom,العلوي,فاطمة,19%02lu-%02lu-%02lu,06%08lu,%s,%s\n",
                100000 + i, i, i, 50 + i % 50, 1 + i % 12, 1 + i % 28, i % 100000000,
                i % 3 ? "ar" : "fr", provinces[i % 6]);
      return 0;
    }
  if (argc >= 4 && strncmp (argv[1], "claims", 6) == 0)
    {
      unsigned long n_members = strtoul (argv[2], NULL, 10), n = strtoul (argv[3], NULL, 10);
      Row *rows = calloc (n, sizeof *rows);

      for (unsigned long i = 0; i < n; i++)
        rows[i].index = i;
      emit (rows, n, n_members, strcmp (argv[1], "claims-random") == 0);
      free (rows);
      return 0;
    }
  if (argc >= 6 && strncmp (argv[1], "delta", 5) == 0)
    {
      unsigned long n_members = strtoul (argv[2], NULL, 10), n = strtoul (argv[3], NULL, 10);
      unsigned long changed = strtoul (argv[4], NULL, 10), added = strtoul (argv[5], NULL, 10);
      unsigned long step = changed ? n / changed : 1;
      Row *rows = calloc (changed + added, sizeof *rows);

      for (unsigned long k = 0; k < changed; k++)
        rows[k] = (Row) { k * step, 1 };
      for (unsigned long k = 0; k < added; k++)
        rows[changed + k] = (Row) { n + k, 0 };
      emit (rows, changed + added, n_members, strcmp (argv[1], "delta-random") == 0);
      free (rows);
      return 0;
    }
  fprintf (stderr, "usage: gen-csv members N | claims[-random] N_MEMBERS N | delta[-random] N_MEMBERS N CHANGED NEW\n");
  return 2;
}
