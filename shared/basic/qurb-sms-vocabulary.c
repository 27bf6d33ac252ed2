/* qurb-sms-vocabulary.c — the words of the SMS language, once, in the
 * spellings of each script
 *
 * Arabic words are written as a careful writer would; their clitics, verb
 * affixes and Latin (Arabizi) forms are derived by the lexicon, so they
 * are not listed here. French words are listed in their common forms
 * (accents do not matter) and, for verbs, by their stem. */
#include "config.h"

#include "qurb-sms-lexicon-private.h"

#define CUE(name) QURB_CUE_##name

const QurbWord qurb_vocabulary[] = {
  /* A dossier, its state, the money it brings. */
  { CUE (STATUS), QURB_WORD_NOUN, "حالة|حالت|وضعية|ملف|ملفات|دوسي|دوسيه|تتبع|تعويض|تعويضات|فلوس|مصاريف|استرجاع|اداء|خلص|تخلص" },
  { CUE (STATUS), 0, "etat|statut|status|hala|halat|suivi|suivre|dossier|dossiers|situation|avancement|paiement|virement|traitement" },
  { CUE (STATUS), QURB_WORD_EXACT, "doss|remb|dos|paye|payer|payes" },
  { CUE (STATUS), QURB_WORD_STEM, "rembours|indemni" },

  { CUE (CARAVAN), QURB_WORD_NOUN, "قافلة|قوافل|كارافان|كرافان|حملة|حملات" },
  { CUE (CARAVAN), 0, "caravane|caravanes|caravan|campagne|campagnes" },

  /* Taking a seat, and the appointment it gives. */
  { CUE (BOOK), QURB_WORD_NOUN, "حجز|حجوزات|تسجيل|سجل|ريزرفي|ريزرفاسيون" },
  { CUE (BOOK), 0, "reserver|reservation|reservations|reserve|reservez|reservi|resa|inscrire|inscription|book|booking" },
  { CUE (BOOK), QURB_WORD_STEM, "reserv|inscri|rezerv" },
  { CUE (BOOK), QURB_WORD_EXACT, "rsv|resas" },
  { CUE (APPOINTMENT), QURB_WORD_NOUN, "موعد|مواعد|مواعيد|رونديفو|روندفو|رندفو|بلاصة|بلايص" },
  { CUE (APPOINTMENT), QURB_WORD_EXACT, "place|rdv|rdvs|rendez|rendezvous|rendevous|randevou|rondevou" },
  { CUE (MY_BOOKINGS), QURB_WORD_EXACT, "mesrdv" },

  /* Ending something: a booking, or the announcements. */
  { CUE (CANCEL), 0, "الغاء|لغي|لغى|لغا|الغي|مسح" },
  { CUE (CANCEL), QURB_WORD_NO_ARABIZI, "حيد" },
  { CUE (CANCEL), QURB_WORD_STEM, "anul|supprim|desist|decommand|cancel|efac" },
  { CUE (STOP), 0, "توقف|وقف|ايقاف|توقيف|كفى|سطوب|ستوب" },
  { CUE (STOP), QURB_WORD_NO_ARABIZI, "بركا|باركا" },
  { CUE (STOP), 0, "stop|arret|arreter|arretez|baraka|barka|basta|unsubscribe" },
  { CUE (STOP), QURB_WORD_STEM, "desabon|desinscri|desactiv" },
  { CUE (START) | CUE (MESSAGES), 0, "اشتراك|اشترك" },
  { CUE (START), 0, "ستارت|start|abonner|abonez|activer|subscribe" },
  { CUE (START), QURB_WORD_EXACT, "abone|reabone" },
  { CUE (START), QURB_WORD_STEM, "reabon|reactiv|abon" },
  { CUE (MESSAGES), QURB_WORD_NOUN, "رسالة|رسائل|رسايل|ميساج|ميساجات|مساج|مساجات|اعلان|اعلانات|اشعار|اشعارات|اخبار|خبار" },
  { CUE (MESSAGES), 0, "message|messages|msg|msgs|sms|annonce|annonces|notification|notifications|notif|notifs|alerte|alertes|texto|textos|pub|publicite|abonnement|abonnements|newsletter|messagat|msajat|mesajat|massageat" },

  /* Asking for help, or for a language. */
  { CUE (HELP), 0, "مساعدة|ساعد|عاون|معاونة|اوامر|قائمة" },
  { CUE (HELP), 0, "aide|aider|aidez|help|menu|assistance|info|infos|information|informations|commandes|sos" },
  { CUE (HOW), 0, "كيفاش|كيفش|شلون|كتب|ecrire|ecris|utiliser|fonctionnement" },
  { CUE (HOW), QURB_WORD_EXACT, "كيف|comment|how|kif" },
  { CUE (UNDERSTAND), 0, "فهم|فاهم" },
  { CUE (UNDERSTAND), QURB_WORD_STEM, "compren|compri" },
  { CUE (LANG_AR), 0, "عربية|العربية|عربي|العربي|لعربية|arabe|arabic" },
  { CUE (LANG_AR), QURB_WORD_EXACT, "ar|arab" },
  { CUE (LANG_FR), 0, "فرنسية|الفرنسية|فرنسي|فرنساوية|فرونسي|الفرونسية|فرانساوية|francais|french|fransawiya|fransiya|fransia" },
  { CUE (LANG_FR), QURB_WORD_EXACT, "fr" },

  /* The words around a request that steer it. */
  { CUE (WANT), 0, "بغيت|بغي|بغا|بغينا|حب|اريد|ريد|ارغب|رغب|طلب|ود" },
  { CUE (WANT), 0, "veux|voudrais|voudrai|voulais|vouloir|veut|voulez|desire|desirerais|besoin|want|demande|demander|prendre" },
  { CUE (WANT), QURB_WORD_EXACT, "jv|jveux|jvx|jvoudrais|jvoudrai|jvd" },
  { CUE (WANT), QURB_WORD_STEM, "souhait|aimerai" },
  /* Sending is what we do ("ne m'envoyez plus", "صيفطولي"); receiving is
   * what the member does or misses ("je ne reçois plus", "ما وصلني والو"):
   * without a want, a complaint, never a stop. */
  { CUE (SEND), 0, "صيفط|سيفط|بعث|ارسل|رجع|عاود" },
  { CUE (RECEIVED), 0, "توصل|وصل|تلقى|تلقي|استلم|استقبل" },
  { CUE (RECEIVED), QURB_WORD_NO_ARABIZI | QURB_WORD_NO_PREFIX, "توصلت|وصلني|وصلتني|جاني|جاتني|وصلات" },
  { CUE (RECEIVED), QURB_WORD_EXACT, "envoye|envoyee|envoyes|wslni|twslt|jani" },
  { CUE (SEND), QURB_WORD_STEM, "envo" },
  { CUE (RECEIVED), QURB_WORD_STEM, "recev|recoi" },
  { CUE (MINE_AFTER), 0, "ديالي|ديالنا|ديالو" },
  { CUE (MINE_AFTER), QURB_WORD_EXACT, "dyali|diali|dyal1|dialy|dyaly|dyalna|dialna" },
  { CUE (MINE) | CUE (MINE_AFTER), QURB_WORD_NO_ARABIZI, "عندي" },
  { CUE (MINE) | CUE (MINE_AFTER), QURB_WORD_EXACT, "3ndi|3andi|andi" },
  { CUE (MINE), QURB_WORD_EXACT, "mes|mon|ma|my" },
  { CUE (HOW_MANY), 0, "شحال|chhal|ch7al|combien|reste|restent|restantes|disponibles|باقي|متبقية" },
  { CUE (WHEN), 0, "امتى|متى|امتا|فوقاش|وقتاش" },
  { CUE (WHEN), QURB_WORD_EXACT, "quand|heure|when" },
  { CUE (COME), QURB_WORD_NO_ARABIZI, "جا|جي|نجي|حضر" },
  { CUE (COME), QURB_WORD_STEM, "venir|viendr|vien" },
  { CUE (MEDICAL), QURB_WORD_EXACT | QURB_WORD_NO_ARABIZI, "طب|طبيب|اطباء|امراض|مرض|فحص|عيادة|نظر|جراحة" },

  /* Courtesy: a message of nothing else gets no reply. */
  { CUE (COURTESY) | CUE (THANKS), 0, "شكرا|شكر|مشكور|مشكورين|مشكورة|مرسي|تبارك|يجازيك|جازي|يحفظك|حفظ|جزاك|خيرا|يعطيك|يعطيكم|يجازيكم|جازاكم" },
  { CUE (COURTESY), 0, "سلام|السلام|مرحبا|اهلا|صباح|مساء|النور|بسلامة|السلامة|واخا|مزيان|صافي|اوكي|اوك|الحمد|بخير|تحية|تحياتي|لاباس|الصحة|تمام|عيد|مبارك|سعيد|جمعة|رحمة|بركات|بركاته|يكثر|امثال|يبارك|يرحم|الوالدين|العافية|يوفق|ربي|توفيق|زوين|زوينة|ممتاز|ممتازة|رائع|رائعة|احسن" },
  { CUE (COURTESY), QURB_WORD_NO_ARABIZI, "بارك|باراك|عليكم|الخير|خير" },
  { CUE (COURTESY) | CUE (THANKS), 0, "merci|mersi|thanks|thank|chokran|choukran|shukran|shokran|chkran|tbarkallah|tbarkalah|barakallah|barak|bsahtek" },
  { CUE (COURTESY) | CUE (THANKS), QURB_WORD_EXACT, "mrc|mci|thx|ty|tks" },
  { CUE (COURTESY) | CUE (RECEIVED), 0, "recu|recue" },
  { CUE (COURTESY), 0, "okay|okey|daccord|accord|bien|bonjour|bonsoir|salut|coucou|salam|salamo|alaykoum|alikoum|aleykoum|alaykom|alikom|3alaykom|bslama|beslama|safi|mzyan|mezyan|parfait|super|genial|nickel|cordialement|bonne|journee|soiree|hamdolah|hamdoulah|hamdullah|labas|revoir|bisous|good|excellent|beaucoup|vraiment|cool|note|infiniment|enormement|mille|gentil|gentille|gentils|bravo|zwin|zwina|momtaz" },
  { CUE (COURTESY), QURB_WORD_EXACT, "ok|oki|okk|dac|bjr|bsr|slt|cc|slm|top|bye|bcp|tres|tjr" },

  /* Words that carry no request. */
  { CUE (FILLER), 0, "عفاك|عافاك|عافاكم|المرجو|مرجو|يرجى|ارجو|نرجو|رجاء|فضلك|الله|يخليك|يخليكم|ممكن|واش|شنو|اشنو|هل|انا|راه|هاد|هادا|هذا|هذه|هادي|اللي|شي|واحد|رقم|الرقم|كاين|كاينة|كاينين|السيد|السيدة|اخي|اختي|خويا|ختي|يوم|غدا|اليوم|دابا|نعرف|عرف|فين|اين|هنا|عليا|بلا|ليكم|لكم|بزاف|شوية|باش|ايلا|اذا|الخدمة|سيدي|مولاي|نتوما|نتا|نتي|سؤال" },
  { CUE (FILLER), QURB_WORD_NO_ARABIZI, "ديال" },
  { CUE (FILLER), QURB_WORD_EXACT, "علاش|لاش|علاه|عند|من|على|عن|مع|الي|ان|او|و|لي|ليا|غير|ولا|الا|الى|هو|هي|كل|اش|د|ل|ب|ف|في" },
  { CUE (FILLER) | CUE (PLACE), QURB_WORD_EXACT, "a|au|aux|en|dans|ds|f|fi|fel|fl|vers|pour|pr" },
  { CUE (FILLER), QURB_WORD_EXACT, "svp|stp|sil|plait|please|pls|plz|le|la|les|l|de|d|du|des|un|une|je|j|me|m|moi|vous|votre|vos|tu|te|ton|il|elle|on|nous|est|c|ce|ca|cette|cet|qu|que|quel|quelle|quels|et|ou|sur|avec|par|madame|monsieur|mme|mr|numero|num|n|no|nr|mdm|wach|wash|wsh|chno|achno|ana|dyal|dial|b|el|al|m3a|ma3a|daba|ghda|lyoum|kayn|kayna|chi|had|hadi|hada|lli|li|ila|lah|allah|ykhlik|3la|men|mn|fin|ach|ash|wa|w|ya|khouya|savoir|connaitre|dire|donner|avoir|faire|pourriez|pouvez|veuillez|auriez|amabilite|gentillesse|puis|peux|pouvoir|pourrais|s|t|y|si|possible|ai|as|avez|suis|etre|svp|concernant|sujet|ici|voir|consulter|obtenir|tout|tous|aussi|encore|deja|alors|donc|mais|car|mutuelle|afak|3afak|3afek|3afakom|hna|3lik|likom|fik|fikom|fih|fiha|3lach|3lash|3lah|lach" },

  /* Words that tell a Latin message's language. */
  { CUE (FRENCH) | CUE (FILLER), QURB_WORD_EXACT, "le|la|les|de|du|des|un|une|je|j|vous|votre|vos|il|elle|est|etait|etaient|et|que|qui|pour|avec|mon|mes|ce|cette|sur|dans|au|aux|suis|ai|avez|pouvez|veuillez|svp|stp|merci|bonjour|madame|monsieur" },
  { CUE (DARIJA) | CUE (FILLER), QURB_WORD_EXACT, "dyal|dial|f|fi|wach|wash|wsh|chi|daba|3afak|afak|3afek|kayn|kayna|had|hadi|hada|lah|ykhlik|ana|nta|nti|ntoma|m3a|ma3a|ila|3la|mn|men|fin|chno|achno|lli|li|khouya|okhti|wa|w|walo|walou" },
  { CUE (NEGATION), QURB_WORD_EXACT, "ما|لا|ماشي|مشي|مش|ليس|لم|لن|ولم|ولن|وليس|فلم|ماعاد|معاد|عمر|والو|walo|walou|wallou|rien|ne|n|pas|plus|jamais|non|aucun|aucune|sans|machi|mashi|mch|mat" },
};

const guint qurb_vocabulary_size = G_N_ELEMENTS (qurb_vocabulary);
