/* gen-csv.c — synthetic import files for the benchmarks
 *
 *   gen-csv members N_MEMBERS
 *   gen-csv claims N_MEMBERS N_CLAIMS
 *   gen-csv delta N_MEMBERS N_CLAIMS N_CHANGED N_NEW
 *
 * write CSV to stdout in the formats of docs/DESIGN.md. Dossier i belongs to
 * member i mod N_MEMBERS (numbers are handed out in time order across all
 * members, as the central system does). A delta moves N_CHANGED claims,
 * spread evenly over the file, one status further and adds N_NEW claims. */
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
  if (argc >= 4 && strcmp (argv[1], "claims") == 0)
    {
      unsigned long n_members = strtoul (argv[2], NULL, 10), n = strtoul (argv[3], NULL, 10);

      puts ("dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason");
      for (unsigned long i = 0; i < n; i++)
        claim_row (i, n_members, 0);
      return 0;
    }
  if (argc >= 6 && strcmp (argv[1], "delta") == 0)
    {
      unsigned long n_members = strtoul (argv[2], NULL, 10), n = strtoul (argv[3], NULL, 10);
      unsigned long changed = strtoul (argv[4], NULL, 10), added = strtoul (argv[5], NULL, 10);
      unsigned long step = changed ? n / changed : 1;

      puts ("dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason");
      for (unsigned long k = 0; k < changed; k++)
        claim_row (k * step, n_members, 1);
      for (unsigned long k = 0; k < added; k++)
        claim_row (n + k, n_members, 0);
      return 0;
    }
  fprintf (stderr, "usage: gen-csv members N | claims N_MEMBERS N | delta N_MEMBERS N CHANGED NEW\n");
  return 2;
}
