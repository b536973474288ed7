import type { SeedCourse } from "./types";

/** 技术：安全开发与数据最小化: the engineering department. */
export const engineering: SeedCourse = {
  code: "engineering-data",
  title: ["技术：安全开发与数据最小化", "Engineering: secure handling and data minimisation"],
  description: [
    "面向技术团队：加密与密钥、最小化收集和保存、不含个人信息的日志、测试数据和第三方接口。",
    "For engineering: encryption and keys, collecting and keeping the minimum, logs without personal information, test data and third-party APIs.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "department", department: "技术", dueDays: 21, recurYearly: true },
  lessons: [
    {
      title: ["加密、访问控制与最小化", "Encryption, access control and minimisation"],
      body: [
        `## 第五十一条要求的措施

《个人信息保护法》第五十一条要求处理者采取加密、去标识化等安全技术措施，合理确定操作权限，并定期对从业人员进行安全教育和培训。对我们来说：

- **字段级加密**：手机号、身份证号、收款账户等字段以每个用户自己的数据密钥加密（AES-256-GCM），密钥再由组织密钥包裹。删除用户时销毁其数据密钥，所有副本同时失效。
- **盲索引**：需要按手机号精确查找时，用 HMAC 盲索引，不存明文。
- **掩码展示**：列表只读掩码；查看完整值要有理由并被审计。
- **最小权限**：后台账号按角色授权，离岗当天停用。

## 最小化

- 新增字段前先问：这个功能没有它能不能做？能用年龄段就不要生日，能用城市就不要精确定位。
- 设置保存期限：转让完成后多久删除或匿名化，写进数据清单。
- 不为"以后可能有用"而采集。`,
        `## The measures Article 51 asks for

PIPL Article 51 asks handlers for encryption, de-identification and other technical measures, sensible access rights, and regular security training for staff. For us that means:

- **Field-level encryption**: phone numbers, ID numbers and payout accounts are encrypted under each customer's own data key (AES-256-GCM), wrapped by the organisation key. Erasing a customer destroys their data key, and every copy becomes unreadable at once.
- **Blind indexes**: an exact search by phone number uses an HMAC blind index, never the plaintext.
- **Masked display**: lists read masks only; revealing a full value takes a reason and is audited.
- **Least privilege**: back-office accounts get rights by role and are deactivated on the day someone leaves.

## Minimisation

- Before adding a field, ask whether the feature works without it. An age band instead of a birth date, a city instead of a precise location.
- Set a retention period: how long after a transfer completes the data is deleted or anonymised, written into the data inventory.
- Never collect "because it may be useful some day".`,
      ],
    },
    {
      title: ["日志、测试数据和第三方", "Logs, test data and third parties"],
      body: [
        `## 日志里不写个人信息

日志会被复制到监控、告警、外包运维和备份里，保存时间往往比业务数据还长。规则：

- 记录 ID、计数和错误类型，**不记录**手机号、地址、证件号、券码、令牌、请求体。
- 使用统一的日志组件和字段白名单；不要 \`console.log(req.body)\`。
- 调试日志不得在生产环境开启；第三方接口的调试日志同样要求关闭。
- URL 里不放个人信息（它们会进入访问日志和浏览器历史）。

## 测试数据

测试和预发环境使用合成数据。确需用生产数据复现问题的，经审批、脱敏并限时删除。

## 第三方接口和 SDK

- 接入前确认供应商在名录中、签有数据处理协议（第二十一条委托处理）。
- 只传对方完成任务所需的字段：物流接口需要收件人和地址，不需要买家的身份证号。
- 新 SDK 上线要更新 SDK 清单，列明收集的信息和目的。`,
        `## No personal information in logs

Logs are copied into monitoring, alerting, outsourced operations and backups, and are often kept longer than the business data. The rules:

- Log ids, counts and error classes; **never** phone numbers, addresses, ID numbers, voucher codes, tokens or request bodies.
- Use the shared logger and its allow-list of fields; never \`console.log(req.body)\`.
- Debug logging stays off in production, and so does a vendor API's debug logging.
- Keep personal information out of URLs (they end up in access logs and browser history).

## Test data

Test and staging use synthetic data. Reproducing a bug with production data needs approval, masking and deletion by a set date.

## Third-party APIs and SDKs

- Before integrating, check the vendor is in the register with a data processing agreement (Art. 21, entrusted processing).
- Send only what the vendor needs for its task: the courier API needs the recipient and address, not the buyer's ID number.
- A new SDK updates the SDK list with the information it collects and why.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "排查一个转让失败的问题时，以下哪条日志写法是正确的？",
        "Debugging a failed transfer, which log line is right?",
      ],
      options: [
        [
          'log.info("transfer failed", { body: req.body })',
          'log.info("transfer failed", { body: req.body })',
          false,
        ],
        [
          'log.warn({ transferId, code: err.code }, "transfer failed")',
          'log.warn({ transferId, code: err.code }, "transfer failed")',
          true,
        ],
        [
          'log.info("transfer failed for " + buyer.phone)',
          'log.info("transfer failed for " + buyer.phone)',
          false,
        ],
        [
          'log.debug("voucher " + voucher.code + " failed")',
          'log.debug("voucher " + voucher.code + " failed")',
          false,
        ],
      ],
      why: [
        "日志只写标识和错误类型。请求体、手机号和券码都是个人信息或等同于钱的秘密，会随日志流向监控、外包和备份。",
        "Logs carry ids and error classes. Request bodies, phone numbers and voucher codes are personal information or secrets worth money, and logs flow into monitoring, vendors and backups.",
      ],
    },
    {
      q: [
        "产品要求在注册时收集用户生日，用于“生日当天发优惠券”。最符合最小化原则的做法是？",
        "Product wants the birth date at sign-up 'to send a coupon on the birthday'. What fits minimisation best?",
      ],
      options: [
        ["注册时必填完整生日", "Make the full birth date mandatory at sign-up", false],
        [
          "作为可选项，只收集月和日，并说明用途",
          "Make it optional, collect month and day only, and say what it is for",
          true,
        ],
        ["同时收集身份证号以便核对生日", "Also collect the ID number to check the birthday", false],
        ["从第三方数据商购买用户生日", "Buy birth dates from a data broker", false],
      ],
      why: [
        "生日券只需要月和日，且不是提供服务所必需，应可选并明示目的（第六条、第十六条：不得以个人不同意处理非必要信息为由拒绝提供产品或服务）。",
        "A birthday coupon needs the month and day only, and it is not needed to provide the service, so it must be optional and its purpose stated (Art. 6; Art. 16 forbids refusing service because someone declines non-essential processing).",
      ],
    },
    {
      q: [
        "删除一名用户时，平台如何确保备份和消息发件箱中的加密副本也无法再读取？",
        "When we erase a customer, how do we make sure encrypted copies in backups and the message outbox can no longer be read?",
      ],
      options: [
        [
          "逐个恢复所有备份并删除该用户的行",
          "Restore every backup and delete the customer's rows",
          false,
        ],
        [
          "销毁该用户的数据密钥（加密擦除）",
          "Destroy the customer's data key (crypto-shredding)",
          true,
        ],
        ["把密文字段改成空字符串即可", "Set the ciphertext columns to empty strings", false],
        [
          "无法做到，只能在隐私政策中说明",
          "It cannot be done; say so in the privacy policy",
          false,
        ],
      ],
      why: [
        "每个用户的字段都用其自己的数据密钥加密。销毁这把密钥后，任何地方的该用户密文——包括备份和发件箱——都无法解密。",
        "Each customer's fields are encrypted under their own data key. Once that key is destroyed, their ciphertext anywhere, backups and the outbox included, can no longer be decrypted.",
      ],
    },
    {
      q: [
        "需要按手机号精确查找用户，但数据库里只存密文。正确的做法是？",
        "We need an exact search by phone number, but the database holds only ciphertext. What is the right way?",
      ],
      options: [
        ["另外加一列明文手机号并建索引", "Add a plaintext phone column with an index", false],
        ["查询时解密全部用户逐一比对", "Decrypt every customer on each search and compare", false],
        [
          "使用组织密钥下的 HMAC 盲索引",
          "Use an HMAC blind index under the organisation's key",
          true,
        ],
        ["用手机号的 MD5 作为索引", "Index the MD5 of the phone number", false],
      ],
      why: [
        "盲索引用带密钥的 HMAC，只有持有密钥才能计算，支持精确匹配而不暴露明文。不带密钥的哈希（如 MD5）可以通过穷举手机号空间轻易还原。",
        "A blind index is a keyed HMAC: only the key holder can compute it, so it matches exactly without exposing the value. An unkeyed hash such as MD5 falls to a brute force of the phone-number space.",
      ],
    },
    {
      q: [
        "为了复现一个线上问题，你需要生产数据。以下哪些做法是正确的？（多选）",
        "To reproduce a production bug you need production data. Which of these are right? (Choose all that apply.)",
      ],
      options: [
        ["经过审批后使用", "Use it only after approval", true],
        ["对个人信息字段脱敏", "Mask the personal-information fields", true],
        ["设定删除日期并按时删除", "Set a deletion date and keep to it", true],
        [
          "把数据库导出文件放在团队网盘上方便大家用",
          "Put the database dump on the team drive for everyone",
          false,
        ],
      ],
      why: [
        "生产数据进入非生产环境会绕过生产的访问控制和审计。只在必要时、经审批、脱敏、限时使用；共享网盘会让副本失控。",
        "Production data outside production escapes its access control and audit. Use it only when needed, approved, masked and time-limited; a shared drive lets copies multiply.",
      ],
    },
    {
      q: [
        "接入新的物流接口时，应该传给物流方哪些信息？",
        "Integrating a new courier API, what do we send the courier?",
      ],
      options: [
        [
          "收件人姓名、联系电话和收货地址",
          "The recipient's name, phone number and delivery address",
          true,
        ],
        [
          "买家的全部订单历史，以便物流方优化路线",
          "The buyer's whole order history, to help them plan routes",
          false,
        ],
        [
          "买家的身份证号，以便物流方核验",
          "The buyer's ID number, for the courier to verify",
          false,
        ],
        ["卖家的收款账户", "The seller's payout account", false],
      ],
      why: [
        "委托处理（第二十一条）要约定目的和范围，只提供完成配送必需的信息。订单历史、身份证号和收款账户都超出配送所需。",
        "Entrusted processing (Art. 21) sets a purpose and scope; send only what delivery needs. Order history, ID numbers and payout accounts go beyond it.",
      ],
    },
  ],
};
