/** Word lists for the Japanese portal's CRM (SIMULATOR_PORTAL=jp): names with their romaji for e-mail and web addresses. */

export const JA_FIRST_NAMES = [
  ["太郎", "taro"],
  ["花子", "hanako"],
  ["翔太", "shota"],
  ["陽菜", "hina"],
  ["健一", "kenichi"],
  ["美咲", "misaki"],
  ["大輔", "daisuke"],
  ["さくら", "sakura"],
  ["拓也", "takuya"],
  ["由美", "yumi"],
  ["直樹", "naoki"],
  ["愛", "ai"],
  ["誠", "makoto"],
  ["恵子", "keiko"],
  ["亮", "ryo"],
  ["真由美", "mayumi"],
  ["浩二", "koji"],
  ["彩", "aya"],
  ["聡", "satoshi"],
  ["結衣", "yui"],
] as const;

export const JA_LAST_NAMES = [
  ["佐藤", "sato"],
  ["鈴木", "suzuki"],
  ["高橋", "takahashi"],
  ["田中", "tanaka"],
  ["伊藤", "ito"],
  ["渡辺", "watanabe"],
  ["山本", "yamamoto"],
  ["中村", "nakamura"],
  ["小林", "kobayashi"],
  ["加藤", "kato"],
  ["吉田", "yoshida"],
  ["山田", "yamada"],
  ["佐々木", "sasaki"],
  ["山口", "yamaguchi"],
  ["松本", "matsumoto"],
  ["井上", "inoue"],
  ["木村", "kimura"],
  ["林", "hayashi"],
  ["清水", "shimizu"],
  ["斎藤", "saito"],
] as const;

export const JA_COMPANY_STEMS = [
  ["さくら物産", "sakura-bussan"],
  ["東都システム", "toto-system"],
  ["みなと商事", "minato-shoji"],
  ["富士精機", "fuji-seiki"],
  ["青葉食品", "aoba-foods"],
  ["北斗ロジスティクス", "hokuto-logi"],
  ["日の出電機", "hinode-denki"],
  ["大和テクノロジー", "yamato-tech"],
  ["光が丘メディカル", "hikarigaoka-med"],
  ["瀬戸内マリン", "setouchi-marine"],
  ["山田製作所", "yamada-ss"],
  ["丸の内ファイナンス", "marunouchi-fin"],
  ["若葉教育", "wakaba-edu"],
  ["杉並ソフトウェア", "suginami-soft"],
  ["京橋デザイン", "kyobashi-design"],
  ["鶴見化学", "tsurumi-chem"],
  ["朝日建設", "asahi-kensetsu"],
  ["翠ホテルズ", "midori-hotels"],
  ["銀河ネットワークス", "ginga-net"],
  ["葵リテール", "aoi-retail"],
  ["千代田データ", "chiyoda-data"],
  ["白鷺運輸", "shirasagi-unyu"],
  ["稲穂アグリ", "inaho-agri"],
  ["桜島エナジー", "sakurajima-energy"],
] as const;

export const JA_COMPANY_SUFFIXES = [
  "株式会社",
  "株式会社",
  "株式会社",
  "合同会社",
  "有限会社",
  "ホールディングス",
] as const;

export const JA_CITIES = [
  "東京",
  "大阪",
  "名古屋",
  "福岡",
  "札幌",
  "横浜",
  "京都",
  "神戸",
  "仙台",
  "広島",
] as const;

export const JA_JOB_TITLES = [
  "購買部長",
  "営業部長",
  "代表取締役社長",
  "情報システム部 課長",
  "経理部 主任",
  "総務部長",
  "事業開発マネージャー",
  "調達担当",
] as const;

export const JA_DEAL_KINDS = [
  "新規導入",
  "契約更新",
  "アップセル",
  "追加ライセンス",
  "保守サポート契約",
  "複数年契約",
  "パイロット導入",
  "システム移行",
] as const;

export const JA_LINE_ITEM_PRODUCTS: readonly (readonly [name: string, price: number, sku: string])[] = [
  ["プロフェッショナル席（年額）", 180_000, "PROSEAT"],
  ["エンタープライズ席（年額）", 540_000, "ENTSEAT"],
  ["導入支援パッケージ", 375_000, "ONBOARD"],
  ["プレミアムサポート（年額）", 720_000, "PRESUP"],
  ["導入コンサルティング（1日）", 210_000, "CONSULT"],
  ["APIアクセス追加", 135_000, "APIADD"],
  ["分析モジュール", 270_000, "ANALYT"],
  ["シングルサインオン追加", 90_000, "SSOADD"],
  ["研修ワークショップ", 225_000, "TRAIN"],
  ["データ移行", 480_000, "MIGRATE"],
];

export const JA_QUOTE_TEMPLATE_NAMES = [
  "標準見積もり",
  "エンタープライズ提案書",
  "更新見積もり",
  "サービス作業明細書",
  "米ドル建て見積もり",
  "販売代理店向け見積もり",
] as const;
