import { createRequire as __svcplanCreateRequire } from 'node:module';
const require = __svcplanCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path3) {
      const ctrl = callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visit_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = visit_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path3) {
      const ctrl = await callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visitAsync_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path3) {
      if (typeof visitor === "function")
        return visitor(key, node, path3);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path3);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path3);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path3);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path3);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path3);
      return void 0;
    }
    function replaceNode(key, path3, node) {
      const parent = path3[path3.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path3, value) {
      let v = value;
      for (let i = path3.length - 1; i >= 0; --i) {
        const k = path3[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path3) => path3 == null || typeof path3 === "object" && !!path3[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path3, value) {
        if (isEmptyPath(path3))
          this.add(value);
        else {
          const [key, ...rest] = path3;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        const [key, ...rest] = path3;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        const [key, ...rest] = path3;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages2) {
      if (logLevel === "debug")
        console.log(...messages2);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path3, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path3, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        if (Collection.isEmptyPath(path3)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path3) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        if (Collection.isEmptyPath(path3))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path3, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path3) {
        if (Collection.isEmptyPath(path3))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path3) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        if (Collection.isEmptyPath(path3)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path3), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path3, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path3) => {
      let item = cst;
      for (const [field, index] of path3) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path3) => {
      const parent = visit2.itemAtPath(cst, path3.slice(0, -1));
      const field = path3[path3.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path3, item, visitor) {
      let ctrl = visitor(item, path3);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path3.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path3);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path3) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/git/git.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  constructor(message, args, stderr, exitCode) {
    super(message);
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
    this.name = "GitError";
  }
  args;
  stderr;
  exitCode;
};
var UnknownRevisionError = class extends GitError {
  constructor(ref, dir, stderr) {
    super(
      `unknown revision "${ref}" in ${dir}: no branch, tag or commit has that name (check the spelling, or fetch it first: git fetch origin ` + ref + ")",
      ["rev-parse", ref],
      stderr,
      128
    );
    this.ref = ref;
    this.dir = dir;
    this.name = "UnknownRevisionError";
  }
  ref;
  dir;
};
var GIT_ENV = { LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" };
var Git = class _Git {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  knownPrefix;
  /**
   * Where `dir` stands: in a Git work tree (then `git`) or not, and the commit HEAD points to
   * (none before the first commit). One git process in the usual case.
   */
  static async locate(dir) {
    const git = new _Git(dir);
    try {
      const [inside2, prefix, head] = (await git.run(["rev-parse", "--is-inside-work-tree", "--show-prefix", "HEAD^{commit}"])).split("\n");
      if (inside2 === "true" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) {
        git.knownPrefix = Promise.resolve(prefix);
        return { git, headCommit: head };
      }
    } catch (err) {
      if (!(err instanceof GitError)) throw err;
    }
    const inside = await git.run(["rev-parse", "--is-inside-work-tree"]).then(
      (o) => o.trim() === "true",
      () => false
    );
    if (!inside) return {};
    return { git, headCommit: await git.tryRevParse("HEAD") };
  }
  /** Runs git in `dir` and returns its stdout exactly as written (final newline kept). */
  async run(args, opts = {}) {
    const result = await this.exec(args, opts);
    return result.stdout;
  }
  async exec(args, opts = {}) {
    const result = await runGit(this.dir, args, { input: opts.input, env: opts.env, maxBuffer: 512 * 1024 * 1024 });
    if (result.failed) {
      const stderr = result.stderr.toString("utf8").trim();
      const why = stderr || result.cause?.message || `exit code ${result.exitCode}`;
      throw new GitError(`git ${args.join(" ")} failed in ${this.dir}: ${why}`, args, stderr, result.exitCode);
    }
    return { stdout: result.stdout.toString("utf8"), exitCode: result.exitCode ?? 0 };
  }
  /** The full sha of the commit a ref names. Throws UnknownRevisionError when there is none. */
  async revParse(ref) {
    checkRefSyntax(ref);
    try {
      return (await this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
    } catch (err) {
      if (err instanceof GitError && err.exitCode === 1) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      if (err instanceof GitError && /not a git repository/i.test(err.stderr)) throw err;
      if (err instanceof GitError) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      throw err;
    }
  }
  /** Like revParse, but undefined for an unknown ref (or a folder that is not in a Git repository). */
  async tryRevParse(ref) {
    try {
      return await this.revParse(ref);
    } catch (err) {
      if (err instanceof GitError) return void 0;
      throw err;
    }
  }
  /** Absolute path of the top of the work tree that holds `dir`. */
  async topLevel() {
    return (await this.run(["rev-parse", "--show-toplevel"])).trim();
  }
  /** Path of `dir` relative to the top of the work tree, with a trailing slash ('' at the top). */
  prefix() {
    this.knownPrefix ??= this.run(["rev-parse", "--show-prefix"]).then((out) => out.trim());
    return this.knownPrefix;
  }
  /**
   * Every blob (file or symlink) of a commit, recursively, paths relative to the top of the work
   * tree; with `under`, only the ones under that folder (a path relative to the top).
   */
  async lsTree(commit, under = "") {
    const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
    if (under) args.push("--", under);
    const out = await this.run(args);
    const entries = [];
    for (const record of out.split("\0")) {
      if (!record) continue;
      const tab = record.indexOf("	");
      const [mode, type, object] = record.slice(0, tab).split(" ");
      entries.push({ mode, type, object, path: record.slice(tab + 1) });
    }
    return entries;
  }
  /** Reads blobs through `git cat-file --batch`: many reads, one process. */
  catFileBatch() {
    return new BlobReader(this.dir);
  }
};
function checkRefSyntax(ref) {
  if (!ref || ref.startsWith("-") || /[\0\n]/.test(ref)) {
    throw new GitError(`"${ref}" is not a valid revision name`, [], "", void 0);
  }
}
var BlobReader = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  pending = [];
  scheduled = false;
  /** The blob's bytes, or undefined when git has no such object. */
  read(object) {
    if (!/^[0-9a-f]{4,64}$/.test(object)) {
      return Promise.reject(new GitError(`"${object}" is not an object id`, ["cat-file", "--batch"], "", void 0));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ object, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }
  async flush() {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const args = ["cat-file", "--batch"];
    try {
      const input = batch.map((p) => p.object).join("\n") + "\n";
      const result = await runGit(this.dir, args, { input, maxBuffer: 1024 * 1024 * 1024 });
      if (result.failed) {
        const stderr = result.stderr.toString("utf8").trim();
        throw new GitError(`git cat-file --batch failed in ${this.dir}: ${stderr || `exit code ${result.exitCode}`}`, args, stderr, result.exitCode);
      }
      const contents = parseBatchOutput(result.stdout, batch.length);
      batch.forEach((p, i) => p.resolve(contents[i]));
    } catch (err) {
      const error = err instanceof GitError ? err : new GitError(`could not run git cat-file in ${this.dir}: ${err.message}`, args, "", void 0);
      for (const p of batch) p.reject(error);
    }
  }
};
function runGit(dir, args, opts) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("git", args, {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV, ...opts.env },
        stdio: [opts.input !== void 0 ? "pipe" : "ignore", "pipe", "pipe"]
      });
    } catch (err2) {
      resolve({ failed: true, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), cause: err2 });
      return;
    }
    const out = [];
    const err = [];
    const size = { out: 0, err: 0 };
    let cause;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    };
    const collect = (stream, into, key) => {
      stream?.on("data", (chunk) => {
        if (cause) return;
        size[key] += chunk.length;
        if (size[key] > opts.maxBuffer) {
          cause = new Error(`Command's std${key} was larger than ${opts.maxBuffer} bytes`);
          child.kill();
          return;
        }
        into.push(chunk);
      });
    };
    collect(child.stdout, out, "out");
    collect(child.stderr, err, "err");
    child.on("error", (error) => {
      if (child.pid === void 0) finish({ failed: true, cause: error });
    });
    child.stdin?.on("error", () => {
    });
    child.once("close", (code) => {
      if (cause) return finish({ failed: true, cause, exitCode: code ?? void 0 });
      finish(code === 0 ? { failed: false, exitCode: 0 } : { failed: true, exitCode: code ?? void 0 });
    });
    if (opts.input !== void 0) child.stdin?.end(opts.input);
  });
}
function parseBatchOutput(out, count) {
  const contents = [];
  let at = 0;
  while (contents.length < count) {
    const newline = out.indexOf(10, at);
    if (newline < 0) throw new GitError("git cat-file --batch ended early", ["cat-file", "--batch"], "", void 0);
    const header = out.subarray(at, newline).toString("utf8");
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      contents.push(void 0);
      at = newline + 1;
      continue;
    }
    const size = Number(header.split(" ")[2]);
    if (!Number.isInteger(size) || newline + 1 + size > out.length) {
      throw new GitError(`git cat-file --batch answered "${header}"`, ["cat-file", "--batch"], "", void 0);
    }
    contents.push(out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return contents;
}

// src/model/types.ts
var InputError = class extends Error {
  constructor(diagnostics) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.diagnostics = diagnostics;
    this.name = "InputError";
  }
  diagnostics;
};
function formatDiagnostic(d) {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
var API_VERSION = "svcplan/v1";
var DISRUPTION_ORDER = { none: 0, refresh: 1, restart: 2, replace: 3 };
function instanceName(service, tier, n) {
  return `${service}-${tier}-${n}`;
}
function upgradeDomainOf(n, domains) {
  return (n - 1) % Math.max(1, domains);
}
function emptySummary() {
  return { create: 0, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 };
}

// src/state/record-file.ts
function serializeRecord(record) {
  return JSON.stringify(record, null, 2) + "\n";
}
var DamagedRecordError = class extends Error {
  constructor(where, problem, advice = "The recorded state is damaged and svcplan will not guess: restore the file from a backup or from the state branch history (git log svcplan-state), or correct that entry by hand; then run svcplan status and svcplan plan to check") {
    super(`${where}: ${problem}. ${advice}`);
    this.where = where;
    this.name = "DamagedRecordError";
  }
  where;
};
var STATUSES = /* @__PURE__ */ new Set(["ready", "pending", "failed"]);
var ACTIONS = /* @__PURE__ */ new Set(["create", "refresh", "restart", "replace", "destroy"]);
var PHASES = /* @__PURE__ */ new Set([
  "saving",
  "saved",
  "halting",
  "halted",
  "destroying",
  "destroyed",
  "creating",
  "created",
  "restoring",
  "restored",
  "refreshing",
  "refreshed",
  "restarting",
  "restarted",
  "grown",
  "booted"
]);
function parseRecord(text2, where) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (err) {
    throw new DamagedRecordError(where, `recorded state is not valid JSON (${err.message})`);
  }
  const r = value;
  if (!isObject(r)) throw new DamagedRecordError(where, "recorded state is not a JSON object");
  const missing = ["name", "spec", "instances", "history"].filter((k) => r[k] === void 0);
  if (missing.length > 0) throw new DamagedRecordError(where, `recorded state lacks ${missing.join(", ")}; it was not written by svcplan`);
  if (!Array.isArray(r.instances)) throw new DamagedRecordError(where, "`instances` is not a list");
  if (!Array.isArray(r.history)) throw new DamagedRecordError(where, "`history` is not a list");
  if (!isObject(r.spec) || !Array.isArray(r.spec.tiers)) throw new DamagedRecordError(where, "the service spec (`spec`) has no tiers");
  r.retainedDisks ??= [];
  r.instances.forEach((inst, i) => checkInstance(inst, i, where));
  for (const inst of r.instances) upgradeLegacy(inst);
  return r;
}
function checkInstance(inst, i, where) {
  const label = isObject(inst) && typeof inst.name === "string" ? `instance ${i + 1} (${inst.name})` : `instance ${i + 1}`;
  if (!isObject(inst)) throw new DamagedRecordError(where, `${label} is not an object`);
  if (typeof inst.name !== "string" || inst.name === "") throw new DamagedRecordError(where, `${label} has no name`);
  if (typeof inst.tier !== "string" || inst.tier === "") throw new DamagedRecordError(where, `${label} has no tier`);
  if (!Number.isInteger(inst.index) || inst.index < 1) throw new DamagedRecordError(where, `${label} has no index (n of <service>-<tier>-<n>)`);
  if (!isSpec(inst.spec)) throw new DamagedRecordError(where, `${label} has no spec (image, cpus, memory, target)`);
  if (!STATUSES.has(inst.status)) throw new DamagedRecordError(where, `${label} has status ${JSON.stringify(inst.status)}, not ready, pending or failed`);
  const step = inst.step;
  if (step === void 0) return;
  if (!isObject(step) || !ACTIONS.has(step.action) || !PHASES.has(step.phase)) {
    throw new DamagedRecordError(
      where,
      `${label} has a step svcplan does not know (${JSON.stringify(isObject(step) ? { action: step.action, phase: step.phase } : step)})`
    );
  }
  if (step.action !== "destroy" && !isSpec(step.to)) throw new DamagedRecordError(where, `${label}: its ${step.action} step has no target spec`);
  if (step.action !== "create" && step.from !== void 0 && !isSpec(step.from))
    throw new DamagedRecordError(where, `${label}: its ${step.action} step has a broken previous spec`);
}
function upgradeLegacy(inst) {
  if (inst.step || inst.status !== "pending" || !inst.pendingSpec) return;
  if (JSON.stringify(inst.pendingSpec) !== JSON.stringify(inst.spec)) return;
  inst.step = { action: "create", phase: "creating", deployment: 0, domain: 0, to: inst.spec, startedAt: inst.updatedAt };
  delete inst.pendingSpec;
}
function isSpec(spec) {
  const s = spec;
  return isObject(s) && isObject(s.image) && typeof s.image.box === "string" && typeof s.image.version === "string" && typeof s.cpus === "number" && typeof s.memory === "number" && isObject(s.target);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/state/store.ts
var LeaseHeldError = class extends Error {
  constructor(lease) {
    super(
      `service ${lease.service} is being applied by ${lease.owner} (lease until ${lease.expiresAt}); wait for that run to finish, or, if it died, run again after the lease expires`
    );
    this.lease = lease;
    this.name = "LeaseHeldError";
  }
  lease;
};
var LeaseLostError = class extends Error {
  constructor(lease, current) {
    super(
      `the lease on service ${lease.service} held by ${lease.owner} expired` + (current ? ` and was taken over by ${current.owner}` : "") + "; this run stops so two applies never work on one service; run again to resume"
    );
    this.lease = lease;
    this.current = current;
    this.name = "LeaseLostError";
  }
  lease;
  current;
};

// src/load/git-revision.ts
import { hash } from "node:crypto";
import { posix } from "node:path";

// src/load/paths.ts
function normalizeRepoPath(path3, { allowRoot = false } = {}) {
  if (path3.startsWith("/") || path3.includes("\\") || path3.includes("\0")) return void 0;
  const parts = [];
  for (const part of path3.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return void 0;
    parts.push(part);
  }
  if (parts.length === 0) return allowRoot ? "" : void 0;
  return parts.join("/");
}
function isUnder(path3, folder) {
  return folder === "" || path3 === folder || path3.startsWith(folder + "/");
}

// src/load/git-revision.ts
var SYMLINK_MODE = "120000";
var MAX_SYMLINK_HOPS = 8;
var GitRevisionReader = class _GitRevisionReader {
  constructor(revision, entries, blobs, alike) {
    this.revision = revision;
    this.entries = entries;
    this.blobs = blobs;
    this.alike = alike;
  }
  revision;
  entries;
  blobs;
  alike;
  /**
   * `repoDir` may be a sub-folder of a Git work tree: paths stay relative to it.
   * Throws UnknownRevisionError when `ref` names nothing.
   */
  static async open(repoDir, ref, known = {}) {
    const git = known.git ?? new Git(repoDir);
    const asked = git.prefix();
    asked.catch(() => void 0);
    const commit = known.commit ?? await git.revParse(ref);
    const prefix = await asked;
    const under = prefix.replace(/\/$/, "");
    const listed = await git.lsTree(commit, under);
    const entries = /* @__PURE__ */ new Map();
    for (const entry of listed) {
      if (entry.type !== "blob" || !isUnder(entry.path, under)) continue;
      entries.set(under ? entry.path.slice(under.length + 1) : entry.path, entry);
    }
    return new _GitRevisionReader({ ref, commit }, entries, git.catFileBatch(), known.alike);
  }
  texts;
  /**
   * A blob's text. The first read also asks for every YAML file of the tree, in the same
   * `cat-file --batch`: a load reads svcplan.yaml first and all templates and services next, so
   * this saves a git process and a round trip. A blob (same object id) is read once; one that the
   * `alike` tree has at the same path is not read through Git at all.
   */
  text(object) {
    if (!this.texts) {
      const texts = this.texts = /* @__PURE__ */ new Map();
      const wanted = [];
      const seen = /* @__PURE__ */ new Set();
      for (const [path3, entry] of this.entries) {
        if (entry.mode === SYMLINK_MODE || !/\.ya?ml$/i.test(path3) || seen.has(entry.object)) continue;
        seen.add(entry.object);
        wanted.push([path3, entry]);
      }
      const alike = this.alike;
      const found = alike ? Promise.all(
        wanted.map(
          ([path3, entry]) => alike.read(path3).then(
            (t) => t !== void 0 && gitBlobId(t, entry.object) === entry.object ? t : void 0,
            () => void 0
          )
        )
      ) : void 0;
      wanted.forEach(([, entry], i) => {
        const read2 = found ? found.then((f) => f[i] ?? this.fromGit(entry.object)) : this.fromGit(entry.object);
        read2.catch(() => void 0);
        texts.set(entry.object, read2);
      });
    }
    let read = this.texts.get(object);
    if (!read) {
      read = this.fromGit(object);
      this.texts.set(object, read);
    }
    return read;
  }
  fromGit(object) {
    return this.blobs.read(object).then((content) => content?.toString("utf8"));
  }
  async list(folders) {
    const starts = folders.map((f) => normalizeRepoPath(f, { allowRoot: true })).filter((f) => f !== void 0);
    const found = [];
    for (const path3 of this.entries.keys()) {
      if (starts.some((start) => isUnder(path3, start) && path3 !== start)) found.push(path3);
    }
    return found.sort();
  }
  async read(path3) {
    const entry = await this.file(path3);
    return entry && this.text(entry.object);
  }
  /** A file is there when the tree lists it (its content is not read: a script only has to exist). */
  async exists(path3) {
    return await this.file(path3) !== void 0;
  }
  /** The tree entry of the file at `path`, symlinks followed while they stay inside the repository folder. */
  async file(path3) {
    let clean = normalizeRepoPath(path3);
    for (let hop = 0; clean !== void 0 && hop <= MAX_SYMLINK_HOPS; hop++) {
      const entry = this.entries.get(clean);
      if (!entry) return void 0;
      if (entry.mode !== SYMLINK_MODE) return entry;
      const target = await this.text(entry.object);
      if (target === void 0) return void 0;
      clean = normalizeRepoPath(posix.join(posix.dirname(clean), target));
    }
    return void 0;
  }
};
function gitBlobId(text2, like) {
  return hash(like.length === 64 ? "sha256" : "sha1", `blob ${Buffer.byteLength(text2, "utf8")}\0${text2}`, "hex");
}

// src/load/schema.ts
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

// schema/svcplan-v1.schema.json
var svcplan_v1_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:svcplan:schema:v1",
  title: "svcplan v1",
  description: "Files of a svcplan templates repository: ServiceTemplate, Service and Config (svcplan.yaml).",
  type: "object",
  required: [
    "apiVersion",
    "kind"
  ],
  properties: {
    apiVersion: {
      const: "svcplan/v1",
      description: "Always svcplan/v1."
    },
    kind: {
      enum: [
        "ServiceTemplate",
        "Service",
        "Config"
      ],
      description: "What the document is."
    }
  },
  allOf: [
    {
      if: {
        properties: {
          kind: {
            const: "ServiceTemplate"
          }
        }
      },
      then: {
        $ref: "#/definitions/ServiceTemplate"
      }
    },
    {
      if: {
        properties: {
          kind: {
            const: "Service"
          }
        }
      },
      then: {
        $ref: "#/definitions/Service"
      }
    },
    {
      if: {
        properties: {
          kind: {
            const: "Config"
          }
        }
      },
      then: {
        $ref: "#/definitions/Config"
      }
    }
  ],
  definitions: {
    templateName: {
      type: "string",
      pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$",
      "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen",
      description: "Template name; also a file and VM name prefix."
    },
    serviceName: {
      type: "string",
      pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$",
      "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen",
      description: "Service name; instances are named <service>-<tier>-<n>."
    },
    tierName: {
      type: "string",
      pattern: "^[a-z][a-z0-9]{0,15}$",
      "x-hint": "1 to 16 lowercase letters and digits, starting with a letter (no hyphens, so <service>-<tier>-<n> stays unambiguous)",
      description: "Tier name."
    },
    appName: {
      type: "string",
      pattern: "^[a-z][a-z0-9_-]{0,31}$",
      "x-hint": '1 to 32 characters: lowercase letters, digits, "_" and "-", starting with a letter',
      description: "App name."
    },
    settingKey: {
      type: "string",
      pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
      "x-hint": 'an environment variable name: letters, digits and "_", not starting with a digit, at most 64 characters',
      description: "Setting name, exported to the guest as an environment variable."
    },
    feature: {
      type: "string",
      pattern: "^[a-z0-9][a-z0-9.+_-]{0,63}$",
      "x-hint": 'lowercase letters, digits and ".+_-", at most 64 characters',
      description: "An OS role or package installed by the features provisioner."
    },
    imageName: {
      type: "string",
      pattern: "^[a-z][a-z0-9._-]{0,31}$",
      "x-hint": '1 to 32 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter',
      description: "Image key, referred to by tiers."
    },
    settings: {
      type: "object",
      description: "Settings exported to the guest as environment variables. Values may be strings, numbers or booleans; they are passed as strings.",
      propertyNames: {
        $ref: "#/definitions/settingKey"
      },
      additionalProperties: {
        type: [
          "string",
          "number",
          "boolean"
        ],
        description: "Setting value."
      }
    },
    image: {
      type: "object",
      description: "An OS image: a Vagrant box and an exact, pinned version.",
      required: [
        "box",
        "version"
      ],
      additionalProperties: false,
      properties: {
        box: {
          type: "string",
          pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$",
          "x-hint": "a Vagrant box name such as svcplan/debian-12",
          maxLength: 128,
          description: "Vagrant box name."
        },
        version: {
          type: "string",
          pattern: "^[0-9]+(\\.[0-9]+){0,3}$",
          "x-hint": 'an exact box version such as "12.7.1" (no ranges or constraints)',
          description: "Exact box version, quoted."
        }
      }
    },
    app: {
      type: "object",
      description: "An application installed on every instance of the tier.",
      required: [
        "version"
      ],
      additionalProperties: false,
      properties: {
        version: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          description: 'App version, quoted (e.g. "4.2.0").'
        },
        install: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "Install script, relative to the repository root; run by the app-<name> provisioner."
        }
      }
    },
    state: {
      type: "object",
      description: "A persistent app-state disk that survives image replacement.",
      required: [
        "disk"
      ],
      additionalProperties: false,
      properties: {
        disk: {
          type: "integer",
          minimum: 1,
          maximum: 65536,
          description: "Size of the state disk.",
          "x-unit": "GiB"
        },
        save: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "SaveState hook, run in the guest before the VM is replaced."
        },
        restore: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "RestoreState hook, run in the guest after the VM is replaced."
        },
        onScaleIn: {
          enum: [
            "retain",
            "delete"
          ],
          default: "retain",
          description: "What happens to the state disk when an instance is removed."
        }
      }
    },
    health: {
      type: "object",
      description: "Health gate checked after each upgrade domain.",
      additionalProperties: false,
      properties: {
        command: {
          type: "string",
          minLength: 1,
          maxLength: 4096,
          description: "Run in the guest; exit 0 means healthy. Without it, an instance is healthy when it answers SSH."
        },
        timeout: {
          type: "integer",
          minimum: 1,
          maximum: 86400,
          description: "How long to wait for an instance to become healthy.",
          "x-unit": "seconds",
          default: 300
        },
        minReady: {
          type: "integer",
          minimum: 0,
          maximum: 86400,
          description: "How long an instance must stay healthy.",
          "x-unit": "seconds",
          default: 0
        }
      }
    },
    rollout: {
      type: "object",
      description: "How updates roll through the tier.",
      additionalProperties: false,
      properties: {
        upgradeDomains: {
          type: "integer",
          minimum: 1,
          maximum: 100,
          description: "Instance n is in domain (n-1) mod upgradeDomains; one domain is updated at a time.",
          default: 1
        },
        maxParallel: {
          type: "integer",
          minimum: 1,
          maximum: 1e3,
          description: "Instances of one domain updated at the same time.",
          default: 1
        },
        pauseBetweenDomains: {
          type: "integer",
          minimum: 0,
          maximum: 86400,
          description: "Pause after each domain.",
          "x-unit": "seconds",
          default: 0
        },
        order: {
          type: "integer",
          minimum: 0,
          maximum: 1e3,
          description: "Tiers with a lower order are updated first.",
          default: 1
        },
        maxDisruption: {
          enum: [
            "none",
            "refresh",
            "restart",
            "replace"
          ],
          default: "replace",
          description: "The most disruptive action a plan may take on this tier; more is refused."
        },
        autoRollback: {
          type: "boolean",
          default: false,
          description: "On a failed health gate, return the instances updated in this rollout to their previous spec."
        }
      }
    },
    scale: {
      type: "object",
      description: "Allowed instance counts.",
      additionalProperties: false,
      properties: {
        min: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Fewest instances.",
          default: 0
        },
        max: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Most instances.",
          default: 100
        }
      }
    },
    tier: {
      type: "object",
      description: "A tier of identical VMs.",
      required: [
        "image"
      ],
      additionalProperties: false,
      properties: {
        description: {
          type: "string",
          description: "What the tier is for."
        },
        image: {
          $ref: "#/definitions/imageName",
          description: "Key of an entry of images."
        },
        cpus: {
          type: "integer",
          minimum: 1,
          maximum: 256,
          description: "Virtual CPUs.",
          default: 1
        },
        memory: {
          type: "integer",
          minimum: 256,
          maximum: 4194304,
          description: "Memory.",
          "x-unit": "MiB",
          default: 1024
        },
        count: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Default instance count; a service may override it.",
          default: 1
        },
        scale: {
          $ref: "#/definitions/scale"
        },
        features: {
          type: "array",
          uniqueItems: true,
          maxItems: 256,
          items: {
            $ref: "#/definitions/feature"
          },
          default: [],
          description: "OS roles or packages."
        },
        apps: {
          type: "object",
          propertyNames: {
            $ref: "#/definitions/appName"
          },
          additionalProperties: {
            $ref: "#/definitions/app"
          },
          default: {},
          description: "Applications by name."
        },
        settings: {
          $ref: "#/definitions/settings"
        },
        state: {
          $ref: "#/definitions/state"
        },
        health: {
          $ref: "#/definitions/health"
        },
        rollout: {
          $ref: "#/definitions/rollout"
        }
      }
    },
    serviceTier: {
      type: "object",
      description: "Per-service overrides of one tier of the template.",
      additionalProperties: false,
      properties: {
        count: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Instance count of this tier in this service."
        },
        settings: {
          $ref: "#/definitions/settings"
        }
      }
    },
    optionValue: {
      type: [
        "string",
        "number",
        "boolean",
        "array",
        "object"
      ],
      description: "A provider setting value."
    },
    target: {
      type: "object",
      description: "Where the service runs.",
      additionalProperties: false,
      properties: {
        driver: {
          const: "vagrant",
          default: "vagrant",
          description: "How VMs are made."
        },
        provider: {
          enum: [
            "virtualbox",
            "libvirt"
          ],
          default: "libvirt",
          description: "Vagrant provider."
        },
        runner: {
          type: "string",
          pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
          "x-hint": 'a runner label: letters, digits, ".", "_" and "-"',
          description: "Label of the self-hosted runner that reaches the hypervisor."
        },
        options: {
          type: "object",
          description: "Any setting of the provider (lv.<key> / vb.<key>); creation-only: changing one replaces the VMs.",
          propertyNames: {
            type: "string",
            pattern: "^[a-z_][a-z0-9_]*$",
            "x-hint": 'a provider setting name: lowercase letters, digits and "_"'
          },
          additionalProperties: {
            $ref: "#/definitions/optionValue"
          },
          default: {}
        },
        ssh: {
          type: "object",
          description: "SSH endpoint per instance: instance k of the service gets portBase + k.",
          required: [
            "portBase"
          ],
          additionalProperties: false,
          properties: {
            host: {
              type: "string",
              pattern: "^[A-Za-z0-9.:-]{1,253}$",
              "x-hint": "a host name or IP address",
              default: "127.0.0.1",
              description: "Host the forwarded ports listen on."
            },
            portBase: {
              type: "integer",
              minimum: 1024,
              maximum: 65e3,
              description: "First forwarded SSH port."
            }
          }
        }
      }
    },
    ServiceTemplate: {
      type: "object",
      title: "svcplan ServiceTemplate",
      description: "A versioned recipe: tiers of identical VMs.",
      required: [
        "apiVersion",
        "kind",
        "name",
        "release",
        "images",
        "tiers"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "ServiceTemplate"
        },
        name: {
          $ref: "#/definitions/templateName"
        },
        release: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          description: 'Human label of this release, quoted (e.g. "2.1").'
        },
        description: {
          type: "string"
        },
        images: {
          type: "object",
          minProperties: 1,
          propertyNames: {
            $ref: "#/definitions/imageName"
          },
          additionalProperties: {
            $ref: "#/definitions/image"
          },
          description: "OS images by key."
        },
        tiers: {
          type: "object",
          minProperties: 1,
          maxProperties: 64,
          propertyNames: {
            $ref: "#/definitions/tierName"
          },
          additionalProperties: {
            $ref: "#/definitions/tier"
          },
          description: "Tiers by name."
        }
      }
    },
    Service: {
      type: "object",
      title: "svcplan Service",
      description: "A deployed service, linked to the template it was created from.",
      required: [
        "apiVersion",
        "kind",
        "name",
        "template"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "Service"
        },
        name: {
          $ref: "#/definitions/serviceName"
        },
        template: {
          $ref: "#/definitions/templateName",
          description: "Name of the template it was created from."
        },
        description: {
          type: "string"
        },
        target: {
          $ref: "#/definitions/target"
        },
        tiers: {
          type: "object",
          propertyNames: {
            $ref: "#/definitions/tierName"
          },
          additionalProperties: {
            $ref: "#/definitions/serviceTier"
          },
          default: {},
          description: "Per-tier overrides."
        }
      }
    },
    Config: {
      type: "object",
      title: "svcplan Config (svcplan.yaml)",
      description: "Where svcplan finds templates and services, and where it keeps state.",
      required: [
        "apiVersion",
        "kind"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "Config"
        },
        templates: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
            "x-hint": 'a path relative to the repository root, without ".."',
            description: "A folder searched (recursively) for templates."
          },
          default: [
            "templates"
          ]
        },
        services: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
            "x-hint": 'a path relative to the repository root, without ".."',
            description: "A folder searched (recursively) for services."
          },
          default: [
            "services"
          ]
        },
        state: {
          type: "object",
          additionalProperties: false,
          description: "Where recorded state is kept.",
          properties: {
            store: {
              enum: [
                "local",
                "git"
              ],
              default: "local",
              description: "local: a folder in the working copy; git: a branch of this repository."
            },
            path: {
              type: "string",
              pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
              "x-hint": 'a path relative to the repository root, without ".."',
              description: "Folder of the local store.",
              default: ".svcplan/state"
            },
            branch: {
              type: "string",
              pattern: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$",
              "x-hint": "a branch name",
              default: "svcplan-state",
              description: "Branch of the git store."
            }
          }
        },
        defaultBranch: {
          type: "string",
          pattern: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$",
          "x-hint": "a branch name",
          description: "Branch that is applied; default: origin/HEAD, else main or master."
        }
      }
    }
  }
};

// src/load/schema-validators.generated.ts
var schema_validators_generated_exports = {};
__export(schema_validators_generated_exports, {
  Config: () => Config,
  SCHEMA_DIGEST: () => SCHEMA_DIGEST,
  Service: () => Service,
  ServiceTemplate: () => ServiceTemplate
});
var import_equal = __toESM(require_equal(), 1);
var import_ucs2length = __toESM(require_ucs2length(), 1);
var SCHEMA_DIGEST = "bdb7373e0969e4be457c916ac00ac295fe869db2aebee62dc8708ad69f8bc912";
var runtime_equal = import_equal.default.default ?? import_equal.default;
var runtime_ucs2length = import_ucs2length.default.default ?? import_ucs2length.default;
var ServiceTemplate = validate24;
var schema12 = { "type": "object", "title": "svcplan ServiceTemplate", "description": "A versioned recipe: tiers of identical VMs.", "required": ["apiVersion", "kind", "name", "release", "images", "tiers"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "ServiceTemplate" }, "name": { "$ref": "#/definitions/templateName" }, "release": { "type": "string", "minLength": 1, "maxLength": 128, "description": 'Human label of this release, quoted (e.g. "2.1").' }, "description": { "type": "string" }, "images": { "type": "object", "minProperties": 1, "propertyNames": { "$ref": "#/definitions/imageName" }, "additionalProperties": { "$ref": "#/definitions/image" }, "description": "OS images by key." }, "tiers": { "type": "object", "minProperties": 1, "maxProperties": 64, "propertyNames": { "$ref": "#/definitions/tierName" }, "additionalProperties": { "$ref": "#/definitions/tier" }, "description": "Tiers by name." } } };
var schema13 = { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen", "description": "Template name; also a file and VM name prefix." };
var schema14 = { "type": "string", "pattern": "^[a-z][a-z0-9._-]{0,31}$", "x-hint": '1 to 32 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter', "description": "Image key, referred to by tiers." };
var schema15 = { "type": "object", "description": "An OS image: a Vagrant box and an exact, pinned version.", "required": ["box", "version"], "additionalProperties": false, "properties": { "box": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", "x-hint": "a Vagrant box name such as svcplan/debian-12", "maxLength": 128, "description": "Vagrant box name." }, "version": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+){0,3}$", "x-hint": 'an exact box version such as "12.7.1" (no ranges or constraints)', "description": "Exact box version, quoted." } } };
var schema16 = { "type": "string", "pattern": "^[a-z][a-z0-9]{0,15}$", "x-hint": "1 to 16 lowercase letters and digits, starting with a letter (no hyphens, so <service>-<tier>-<n> stays unambiguous)", "description": "Tier name." };
var pattern0 = new RegExp("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "u");
var pattern1 = new RegExp("^[a-z][a-z0-9._-]{0,31}$", "u");
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", "u");
var pattern3 = new RegExp("^[0-9]+(\\.[0-9]+){0,3}$", "u");
var pattern4 = new RegExp("^[a-z][a-z0-9]{0,15}$", "u");
var func2 = runtime_ucs2length;
var schema17 = { "type": "object", "description": "A tier of identical VMs.", "required": ["image"], "additionalProperties": false, "properties": { "description": { "type": "string", "description": "What the tier is for." }, "image": { "$ref": "#/definitions/imageName", "description": "Key of an entry of images." }, "cpus": { "type": "integer", "minimum": 1, "maximum": 256, "description": "Virtual CPUs.", "default": 1 }, "memory": { "type": "integer", "minimum": 256, "maximum": 4194304, "description": "Memory.", "x-unit": "MiB", "default": 1024 }, "count": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Default instance count; a service may override it.", "default": 1 }, "scale": { "$ref": "#/definitions/scale" }, "features": { "type": "array", "uniqueItems": true, "maxItems": 256, "items": { "$ref": "#/definitions/feature" }, "default": [], "description": "OS roles or packages." }, "apps": { "type": "object", "propertyNames": { "$ref": "#/definitions/appName" }, "additionalProperties": { "$ref": "#/definitions/app" }, "default": {}, "description": "Applications by name." }, "settings": { "$ref": "#/definitions/settings" }, "state": { "$ref": "#/definitions/state" }, "health": { "$ref": "#/definitions/health" }, "rollout": { "$ref": "#/definitions/rollout" } } };
var schema19 = { "type": "object", "description": "Allowed instance counts.", "additionalProperties": false, "properties": { "min": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Fewest instances.", "default": 0 }, "max": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Most instances.", "default": 100 } } };
var schema20 = { "type": "string", "pattern": "^[a-z0-9][a-z0-9.+_-]{0,63}$", "x-hint": 'lowercase letters, digits and ".+_-", at most 64 characters', "description": "An OS role or package installed by the features provisioner." };
var schema21 = { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$", "x-hint": '1 to 32 characters: lowercase letters, digits, "_" and "-", starting with a letter', "description": "App name." };
var schema22 = { "type": "object", "description": "An application installed on every instance of the tier.", "required": ["version"], "additionalProperties": false, "properties": { "version": { "type": "string", "minLength": 1, "maxLength": 128, "description": 'App version, quoted (e.g. "4.2.0").' }, "install": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "Install script, relative to the repository root; run by the app-<name> provisioner." } } };
var schema25 = { "type": "object", "description": "A persistent app-state disk that survives image replacement.", "required": ["disk"], "additionalProperties": false, "properties": { "disk": { "type": "integer", "minimum": 1, "maximum": 65536, "description": "Size of the state disk.", "x-unit": "GiB" }, "save": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "SaveState hook, run in the guest before the VM is replaced." }, "restore": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "RestoreState hook, run in the guest after the VM is replaced." }, "onScaleIn": { "enum": ["retain", "delete"], "default": "retain", "description": "What happens to the state disk when an instance is removed." } } };
var schema26 = { "type": "object", "description": "Health gate checked after each upgrade domain.", "additionalProperties": false, "properties": { "command": { "type": "string", "minLength": 1, "maxLength": 4096, "description": "Run in the guest; exit 0 means healthy. Without it, an instance is healthy when it answers SSH." }, "timeout": { "type": "integer", "minimum": 1, "maximum": 86400, "description": "How long to wait for an instance to become healthy.", "x-unit": "seconds", "default": 300 }, "minReady": { "type": "integer", "minimum": 0, "maximum": 86400, "description": "How long an instance must stay healthy.", "x-unit": "seconds", "default": 0 } } };
var schema27 = { "type": "object", "description": "How updates roll through the tier.", "additionalProperties": false, "properties": { "upgradeDomains": { "type": "integer", "minimum": 1, "maximum": 100, "description": "Instance n is in domain (n-1) mod upgradeDomains; one domain is updated at a time.", "default": 1 }, "maxParallel": { "type": "integer", "minimum": 1, "maximum": 1e3, "description": "Instances of one domain updated at the same time.", "default": 1 }, "pauseBetweenDomains": { "type": "integer", "minimum": 0, "maximum": 86400, "description": "Pause after each domain.", "x-unit": "seconds", "default": 0 }, "order": { "type": "integer", "minimum": 0, "maximum": 1e3, "description": "Tiers with a lower order are updated first.", "default": 1 }, "maxDisruption": { "enum": ["none", "refresh", "restart", "replace"], "default": "replace", "description": "The most disruptive action a plan may take on this tier; more is refused." }, "autoRollback": { "type": "boolean", "default": false, "description": "On a failed health gate, return the instances updated in this rollout to their previous spec." } } };
var func5 = Object.prototype.hasOwnProperty;
var func0 = runtime_equal;
var pattern6 = new RegExp("^[a-z0-9][a-z0-9.+_-]{0,63}$", "u");
var pattern7 = new RegExp("^[a-z][a-z0-9_-]{0,31}$", "u");
var pattern8 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "u");
var schema23 = { "type": "object", "description": "Settings exported to the guest as environment variables. Values may be strings, numbers or booleans; they are passed as strings.", "propertyNames": { "$ref": "#/definitions/settingKey" }, "additionalProperties": { "type": ["string", "number", "boolean"], "description": "Setting value." } };
var schema24 = { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$", "x-hint": 'an environment variable name: letters, digits and "_", not starting with a digit, at most 64 characters', "description": "Setting name, exported to the guest as an environment variable." };
var pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,63}$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern9.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/definitions/settingKey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]{0,63}$"', schema: "^[A-Za-z_][A-Za-z0-9_]{0,63}$", parentSchema: schema24, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath, schemaPath: "#/definitions/settingKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: key0, propertyName: key0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err2 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema23.propertyNames, parentSchema: schema23, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 !== "string" && !(typeof data0 == "number" && isFinite(data0)) && typeof data0 !== "boolean") {
        const err3 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: schema23.additionalProperties.type }, message: "must be string,number,boolean", schema: schema23.additionalProperties.type, parentSchema: schema23.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema23.type, parentSchema: schema23, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.image === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "image" }, message: "must have required property 'image'", schema: schema17.required, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func5.call(schema17.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.description.type, parentSchema: schema17.properties.description, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      let data1 = data.image;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err3 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/imageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9._-]{0,31}$"', schema: "^[a-z][a-z0-9._-]{0,31}$", parentSchema: schema14, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/imageName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.cpus !== void 0) {
      let data2 = data.cpus;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err5 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.cpus.type, parentSchema: schema17.properties.cpus, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 256 || isNaN(data2)) {
          const err6 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/maximum", keyword: "maximum", params: { comparison: "<=", limit: 256 }, message: "must be <= 256", schema: 256, parentSchema: schema17.properties.cpus, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2 < 1 || isNaN(data2)) {
          const err7 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema17.properties.cpus, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.memory !== void 0) {
      let data3 = data.memory;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err8 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.memory.type, parentSchema: schema17.properties.memory, data: data3 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 > 4194304 || isNaN(data3)) {
          const err9 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4194304 }, message: "must be <= 4194304", schema: 4194304, parentSchema: schema17.properties.memory, data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (data3 < 256 || isNaN(data3)) {
          const err10 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/minimum", keyword: "minimum", params: { comparison: ">=", limit: 256 }, message: "must be >= 256", schema: 256, parentSchema: schema17.properties.memory, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
    if (data.count !== void 0) {
      let data4 = data.count;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err11 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.count.type, parentSchema: schema17.properties.count, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 > 1e4 || isNaN(data4)) {
          const err12 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema17.properties.count, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (data4 < 0 || isNaN(data4)) {
          const err13 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.count, data: data4 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      }
    }
    if (data.scale !== void 0) {
      let data5 = data.scale;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key1 in data5) {
          if (!(key1 === "min" || key1 === "max")) {
            const err14 = { instancePath: instancePath + "/scale", schemaPath: "#/definitions/scale/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19, data: data5 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data5.min !== void 0) {
          let data6 = data5.min;
          if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
            const err15 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema19.properties.min.type, parentSchema: schema19.properties.min, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
          if (typeof data6 == "number" && isFinite(data6)) {
            if (data6 > 1e4 || isNaN(data6)) {
              const err16 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema19.properties.min, data: data6 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data6 < 0 || isNaN(data6)) {
              const err17 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema19.properties.min, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
        if (data5.max !== void 0) {
          let data7 = data5.max;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err18 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema19.properties.max.type, parentSchema: schema19.properties.max, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 > 1e4 || isNaN(data7)) {
              const err19 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema19.properties.max, data: data7 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data7 < 0 || isNaN(data7)) {
              const err20 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema19.properties.max, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/scale", schemaPath: "#/definitions/scale/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data: data5 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.features !== void 0) {
      let data8 = data.features;
      if (Array.isArray(data8)) {
        if (data8.length > 256) {
          const err22 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/maxItems", keyword: "maxItems", params: { limit: 256 }, message: "must NOT have more than 256 items", schema: 256, parentSchema: schema17.properties.features, data: data8 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data9 = data8[i0];
          if (typeof data9 === "string") {
            if (!pattern6.test(data9)) {
              const err23 = { instancePath: instancePath + "/features/" + i0, schemaPath: "#/definitions/feature/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9.+_-]{0,63}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9.+_-]{0,63}$"', schema: "^[a-z0-9][a-z0-9.+_-]{0,63}$", parentSchema: schema20, data: data9 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/features/" + i0, schemaPath: "#/definitions/feature/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data9 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        let i1 = data8.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--; ) {
            for (j0 = i1; j0--; ) {
              if (func0(data8[i1], data8[j0])) {
                const err25 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema17.properties.features, data: data8 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.properties.features.type, parentSchema: schema17.properties.features, data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.apps !== void 0) {
      let data10 = data.apps;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        for (const key2 in data10) {
          const _errs28 = errors;
          if (typeof key2 === "string") {
            if (!pattern7.test(key2)) {
              const err27 = { instancePath: instancePath + "/apps", schemaPath: "#/definitions/appName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"', schema: "^[a-z][a-z0-9_-]{0,31}$", parentSchema: schema21, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/apps", schemaPath: "#/definitions/appName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.type, parentSchema: schema21, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          var valid8 = _errs28 === errors;
          if (!valid8) {
            const err29 = { instancePath: instancePath + "/apps", schemaPath: "#/properties/apps/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema17.properties.apps.propertyNames, parentSchema: schema17.properties.apps, data: data10 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        for (const key3 in data10) {
          let data11 = data10[key3];
          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
            if (data11.version === void 0) {
              const err30 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema22.required, parentSchema: schema22, data: data11 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            for (const key4 in data11) {
              if (!(key4 === "version" || key4 === "install")) {
                const err31 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data: data11 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data11.version !== void 0) {
              let data12 = data11.version;
              if (typeof data12 === "string") {
                if (func2(data12) > 128) {
                  const err32 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema22.properties.version, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
                if (func2(data12) < 1) {
                  const err33 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.version, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              } else {
                const err34 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.version.type, parentSchema: schema22.properties.version, data: data12 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
            if (data11.install !== void 0) {
              let data13 = data11.install;
              if (typeof data13 === "string") {
                if (!pattern8.test(data13)) {
                  const err35 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/install", schemaPath: "#/definitions/app/properties/install/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema22.properties.install, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
              } else {
                const err36 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/install", schemaPath: "#/definitions/app/properties/install/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.install.type, parentSchema: schema22.properties.install, data: data13 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
          } else {
            const err37 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data: data11 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/apps", schemaPath: "#/properties/apps/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.apps.type, parentSchema: schema17.properties.apps, data: data10 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.settings !== void 0) {
      if (!validate13(data.settings, { instancePath: instancePath + "/settings", parentData: data, parentDataProperty: "settings", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.state !== void 0) {
      let data15 = data.state;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (data15.disk === void 0) {
          const err39 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/required", keyword: "required", params: { missingProperty: "disk" }, message: "must have required property 'disk'", schema: schema25.required, parentSchema: schema25, data: data15 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        for (const key5 in data15) {
          if (!(key5 === "disk" || key5 === "save" || key5 === "restore" || key5 === "onScaleIn")) {
            const err40 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema25, data: data15 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data15.disk !== void 0) {
          let data16 = data15.disk;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err41 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema25.properties.disk.type, parentSchema: schema25.properties.disk, data: data16 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 > 65536 || isNaN(data16)) {
              const err42 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65536 }, message: "must be <= 65536", schema: 65536, parentSchema: schema25.properties.disk, data: data16 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data16 < 1 || isNaN(data16)) {
              const err43 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema25.properties.disk, data: data16 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
        }
        if (data15.save !== void 0) {
          let data17 = data15.save;
          if (typeof data17 === "string") {
            if (!pattern8.test(data17)) {
              const err44 = { instancePath: instancePath + "/state/save", schemaPath: "#/definitions/state/properties/save/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema25.properties.save, data: data17 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/state/save", schemaPath: "#/definitions/state/properties/save/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.properties.save.type, parentSchema: schema25.properties.save, data: data17 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data15.restore !== void 0) {
          let data18 = data15.restore;
          if (typeof data18 === "string") {
            if (!pattern8.test(data18)) {
              const err46 = { instancePath: instancePath + "/state/restore", schemaPath: "#/definitions/state/properties/restore/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema25.properties.restore, data: data18 };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
          } else {
            const err47 = { instancePath: instancePath + "/state/restore", schemaPath: "#/definitions/state/properties/restore/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.properties.restore.type, parentSchema: schema25.properties.restore, data: data18 };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
        if (data15.onScaleIn !== void 0) {
          let data19 = data15.onScaleIn;
          if (!(data19 === "retain" || data19 === "delete")) {
            const err48 = { instancePath: instancePath + "/state/onScaleIn", schemaPath: "#/definitions/state/properties/onScaleIn/enum", keyword: "enum", params: { allowedValues: schema25.properties.onScaleIn.enum }, message: "must be equal to one of the allowed values", schema: schema25.properties.onScaleIn.enum, parentSchema: schema25.properties.onScaleIn, data: data19 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema25.type, parentSchema: schema25, data: data15 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.health !== void 0) {
      let data20 = data.health;
      if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
        for (const key6 in data20) {
          if (!(key6 === "command" || key6 === "timeout" || key6 === "minReady")) {
            const err50 = { instancePath: instancePath + "/health", schemaPath: "#/definitions/health/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema26, data: data20 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data20.command !== void 0) {
          let data21 = data20.command;
          if (typeof data21 === "string") {
            if (func2(data21) > 4096) {
              const err51 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema26.properties.command, data: data21 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            if (func2(data21) < 1) {
              const err52 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema26.properties.command, data: data21 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          } else {
            const err53 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema26.properties.command.type, parentSchema: schema26.properties.command, data: data21 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
        if (data20.timeout !== void 0) {
          let data22 = data20.timeout;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err54 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema26.properties.timeout.type, parentSchema: schema26.properties.timeout, data: data22 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 > 86400 || isNaN(data22)) {
              const err55 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema26.properties.timeout, data: data22 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            if (data22 < 1 || isNaN(data22)) {
              const err56 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema26.properties.timeout, data: data22 };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          }
        }
        if (data20.minReady !== void 0) {
          let data23 = data20.minReady;
          if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
            const err57 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema26.properties.minReady.type, parentSchema: schema26.properties.minReady, data: data23 };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
          if (typeof data23 == "number" && isFinite(data23)) {
            if (data23 > 86400 || isNaN(data23)) {
              const err58 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema26.properties.minReady, data: data23 };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            if (data23 < 0 || isNaN(data23)) {
              const err59 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema26.properties.minReady, data: data23 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          }
        }
      } else {
        const err60 = { instancePath: instancePath + "/health", schemaPath: "#/definitions/health/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema26.type, parentSchema: schema26, data: data20 };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      }
    }
    if (data.rollout !== void 0) {
      let data24 = data.rollout;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        for (const key7 in data24) {
          if (!(key7 === "upgradeDomains" || key7 === "maxParallel" || key7 === "pauseBetweenDomains" || key7 === "order" || key7 === "maxDisruption" || key7 === "autoRollback")) {
            const err61 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema27, data: data24 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data24.upgradeDomains !== void 0) {
          let data25 = data24.upgradeDomains;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err62 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.upgradeDomains.type, parentSchema: schema27.properties.upgradeDomains, data: data25 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 > 100 || isNaN(data25)) {
              const err63 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema27.properties.upgradeDomains, data: data25 };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
            if (data25 < 1 || isNaN(data25)) {
              const err64 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema27.properties.upgradeDomains, data: data25 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          }
        }
        if (data24.maxParallel !== void 0) {
          let data26 = data24.maxParallel;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
            const err65 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.maxParallel.type, parentSchema: schema27.properties.maxParallel, data: data26 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
          if (typeof data26 == "number" && isFinite(data26)) {
            if (data26 > 1e3 || isNaN(data26)) {
              const err66 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema27.properties.maxParallel, data: data26 };
              if (vErrors === null) {
                vErrors = [err66];
              } else {
                vErrors.push(err66);
              }
              errors++;
            }
            if (data26 < 1 || isNaN(data26)) {
              const err67 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema27.properties.maxParallel, data: data26 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          }
        }
        if (data24.pauseBetweenDomains !== void 0) {
          let data27 = data24.pauseBetweenDomains;
          if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
            const err68 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.pauseBetweenDomains.type, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
          if (typeof data27 == "number" && isFinite(data27)) {
            if (data27 > 86400 || isNaN(data27)) {
              const err69 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
            if (data27 < 0 || isNaN(data27)) {
              const err70 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
              if (vErrors === null) {
                vErrors = [err70];
              } else {
                vErrors.push(err70);
              }
              errors++;
            }
          }
        }
        if (data24.order !== void 0) {
          let data28 = data24.order;
          if (!(typeof data28 == "number" && (!(data28 % 1) && !isNaN(data28)) && isFinite(data28))) {
            const err71 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.order.type, parentSchema: schema27.properties.order, data: data28 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
          if (typeof data28 == "number" && isFinite(data28)) {
            if (data28 > 1e3 || isNaN(data28)) {
              const err72 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema27.properties.order, data: data28 };
              if (vErrors === null) {
                vErrors = [err72];
              } else {
                vErrors.push(err72);
              }
              errors++;
            }
            if (data28 < 0 || isNaN(data28)) {
              const err73 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema27.properties.order, data: data28 };
              if (vErrors === null) {
                vErrors = [err73];
              } else {
                vErrors.push(err73);
              }
              errors++;
            }
          }
        }
        if (data24.maxDisruption !== void 0) {
          let data29 = data24.maxDisruption;
          if (!(data29 === "none" || data29 === "refresh" || data29 === "restart" || data29 === "replace")) {
            const err74 = { instancePath: instancePath + "/rollout/maxDisruption", schemaPath: "#/definitions/rollout/properties/maxDisruption/enum", keyword: "enum", params: { allowedValues: schema27.properties.maxDisruption.enum }, message: "must be equal to one of the allowed values", schema: schema27.properties.maxDisruption.enum, parentSchema: schema27.properties.maxDisruption, data: data29 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data24.autoRollback !== void 0) {
          let data30 = data24.autoRollback;
          if (typeof data30 !== "boolean") {
            const err75 = { instancePath: instancePath + "/rollout/autoRollback", schemaPath: "#/definitions/rollout/properties/autoRollback/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema27.properties.autoRollback.type, parentSchema: schema27.properties.autoRollback, data: data30 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema27.type, parentSchema: schema27, data: data24 };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
  } else {
    const err77 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err77];
    } else {
      vErrors.push(err77);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.release === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "release" }, message: "must have required property 'release'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.images === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "images" }, message: "must have required property 'images'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.tiers === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tiers" }, message: "must have required property 'tiers'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "name" || key0 === "release" || key0 === "description" || key0 === "images" || key0 === "tiers")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err7 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema12.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("ServiceTemplate" !== data1) {
        const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "ServiceTemplate" }, message: "must be equal to constant", schema: "ServiceTemplate", parentSchema: schema12.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err9 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/templateName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/templateName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.release !== void 0) {
      let data3 = data.release;
      if (typeof data3 === "string") {
        if (func2(data3) > 128) {
          const err11 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema12.properties.release, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (func2(data3) < 1) {
          const err12 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.release, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.release.type, parentSchema: schema12.properties.release, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data4 = data.description;
      if (typeof data4 !== "string") {
        const err14 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.description.type, parentSchema: schema12.properties.description, data: data4 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.images !== void 0) {
      let data5 = data.images;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (Object.keys(data5).length < 1) {
          const err15 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema12.properties.images, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key1 in data5) {
          const _errs13 = errors;
          if (typeof key1 === "string") {
            if (!pattern1.test(key1)) {
              const err16 = { instancePath: instancePath + "/images", schemaPath: "#/definitions/imageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9._-]{0,31}$"', schema: "^[a-z][a-z0-9._-]{0,31}$", parentSchema: schema14, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/images", schemaPath: "#/definitions/imageName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
          var valid2 = _errs13 === errors;
          if (!valid2) {
            const err18 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema12.properties.images.propertyNames, parentSchema: schema12.properties.images, data: data5 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        for (const key2 in data5) {
          let data6 = data5[key2];
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.box === void 0) {
              const err19 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/required", keyword: "required", params: { missingProperty: "box" }, message: "must have required property 'box'", schema: schema15.required, parentSchema: schema15, data: data6 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data6.version === void 0) {
              const err20 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema15.required, parentSchema: schema15, data: data6 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            for (const key3 in data6) {
              if (!(key3 === "box" || key3 === "version")) {
                const err21 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data: data6 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data6.box !== void 0) {
              let data7 = data6.box;
              if (typeof data7 === "string") {
                if (func2(data7) > 128) {
                  const err22 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema15.properties.box, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err22];
                  } else {
                    vErrors.push(err22);
                  }
                  errors++;
                }
                if (!pattern2.test(data7)) {
                  const err23 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", parentSchema: schema15.properties.box, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.box.type, parentSchema: schema15.properties.box, data: data7 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data6.version !== void 0) {
              let data8 = data6.version;
              if (typeof data8 === "string") {
                if (!pattern3.test(data8)) {
                  const err25 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/image/properties/version/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+){0,3}$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+){0,3}$"', schema: "^[0-9]+(\\.[0-9]+){0,3}$", parentSchema: schema15.properties.version, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              } else {
                const err26 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/image/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.version.type, parentSchema: schema15.properties.version, data: data8 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
          } else {
            const err27 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data: data6 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.images.type, parentSchema: schema12.properties.images, data: data5 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.tiers !== void 0) {
      let data9 = data.tiers;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        if (Object.keys(data9).length > 64) {
          const err29 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/maxProperties", keyword: "maxProperties", params: { limit: 64 }, message: "must NOT have more than 64 properties", schema: 64, parentSchema: schema12.properties.tiers, data: data9 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
        if (Object.keys(data9).length < 1) {
          const err30 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema12.properties.tiers, data: data9 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        for (const key4 in data9) {
          const _errs27 = errors;
          if (typeof key4 === "string") {
            if (!pattern4.test(key4)) {
              const err31 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]{0,15}$" }, message: 'must match pattern "^[a-z][a-z0-9]{0,15}$"', schema: "^[a-z][a-z0-9]{0,15}$", parentSchema: schema16, data: key4, propertyName: key4 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: key4, propertyName: key4 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
          var valid7 = _errs27 === errors;
          if (!valid7) {
            const err33 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/propertyNames", keyword: "propertyNames", params: { propertyName: key4 }, message: "property name must be valid", schema: schema12.properties.tiers.propertyNames, parentSchema: schema12.properties.tiers, data: data9 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        for (const key5 in data9) {
          if (!validate12(data9[key5], { instancePath: instancePath + "/tiers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data9, parentDataProperty: key5, rootData })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.tiers.type, parentSchema: schema12.properties.tiers, data: data9 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
var Service = validate26;
var schema28 = { "type": "object", "title": "svcplan Service", "description": "A deployed service, linked to the template it was created from.", "required": ["apiVersion", "kind", "name", "template"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "Service" }, "name": { "$ref": "#/definitions/serviceName" }, "template": { "$ref": "#/definitions/templateName", "description": "Name of the template it was created from." }, "description": { "type": "string" }, "target": { "$ref": "#/definitions/target" }, "tiers": { "type": "object", "propertyNames": { "$ref": "#/definitions/tierName" }, "additionalProperties": { "$ref": "#/definitions/serviceTier" }, "default": {}, "description": "Per-tier overrides." } } };
var schema29 = { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen", "description": "Service name; instances are named <service>-<tier>-<n>." };
var schema31 = { "type": "object", "description": "Where the service runs.", "additionalProperties": false, "properties": { "driver": { "const": "vagrant", "default": "vagrant", "description": "How VMs are made." }, "provider": { "enum": ["virtualbox", "libvirt"], "default": "libvirt", "description": "Vagrant provider." }, "runner": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "x-hint": 'a runner label: letters, digits, ".", "_" and "-"', "description": "Label of the self-hosted runner that reaches the hypervisor." }, "options": { "type": "object", "description": "Any setting of the provider (lv.<key> / vb.<key>); creation-only: changing one replaces the VMs.", "propertyNames": { "type": "string", "pattern": "^[a-z_][a-z0-9_]*$", "x-hint": 'a provider setting name: lowercase letters, digits and "_"' }, "additionalProperties": { "$ref": "#/definitions/optionValue" }, "default": {} }, "ssh": { "type": "object", "description": "SSH endpoint per instance: instance k of the service gets portBase + k.", "required": ["portBase"], "additionalProperties": false, "properties": { "host": { "type": "string", "pattern": "^[A-Za-z0-9.:-]{1,253}$", "x-hint": "a host name or IP address", "default": "127.0.0.1", "description": "Host the forwarded ports listen on." }, "portBase": { "type": "integer", "minimum": 1024, "maximum": 65e3, "description": "First forwarded SSH port." } } } } };
var schema32 = { "type": ["string", "number", "boolean", "array", "object"], "description": "A provider setting value." };
var pattern14 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var pattern15 = new RegExp("^[a-z_][a-z0-9_]*$", "u");
var pattern16 = new RegExp("^[A-Za-z0-9.:-]{1,253}$", "u");
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "driver" || key0 === "provider" || key0 === "runner" || key0 === "options" || key0 === "ssh")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.driver !== void 0) {
      let data0 = data.driver;
      if ("vagrant" !== data0) {
        const err1 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/const", keyword: "const", params: { allowedValue: "vagrant" }, message: "must be equal to constant", schema: "vagrant", parentSchema: schema31.properties.driver, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.provider !== void 0) {
      let data1 = data.provider;
      if (!(data1 === "virtualbox" || data1 === "libvirt")) {
        const err2 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/enum", keyword: "enum", params: { allowedValues: schema31.properties.provider.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.provider.enum, parentSchema: schema31.properties.provider, data: data1 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.runner !== void 0) {
      let data2 = data.runner;
      if (typeof data2 === "string") {
        if (!pattern14.test(data2)) {
          const err3 = { instancePath: instancePath + "/runner", schemaPath: "#/properties/runner/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parentSchema: schema31.properties.runner, data: data2 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/runner", schemaPath: "#/properties/runner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.runner.type, parentSchema: schema31.properties.runner, data: data2 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.options !== void 0) {
      let data3 = data.options;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          const _errs8 = errors;
          if (typeof key1 === "string") {
            if (!pattern15.test(key1)) {
              const err5 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_]*$" }, message: 'must match pattern "^[a-z_][a-z0-9_]*$"', schema: "^[a-z_][a-z0-9_]*$", parentSchema: schema31.properties.options.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.options.propertyNames.type, parentSchema: schema31.properties.options.propertyNames, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          var valid1 = _errs8 === errors;
          if (!valid1) {
            const err7 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema31.properties.options.propertyNames, parentSchema: schema31.properties.options, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          let data4 = data3[key2];
          if ((!data4 || typeof data4 != "object") && typeof data4 !== "string" && !(typeof data4 == "number" && isFinite(data4)) && typeof data4 !== "boolean") {
            const err8 = { instancePath: instancePath + "/options/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/optionValue/type", keyword: "type", params: { type: schema32.type }, message: "must be string,number,boolean,array,object", schema: schema32.type, parentSchema: schema32, data: data4 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.options.type, parentSchema: schema31.properties.options, data: data3 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.ssh !== void 0) {
      let data5 = data.ssh;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.portBase === void 0) {
          const err10 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/required", keyword: "required", params: { missingProperty: "portBase" }, message: "must have required property 'portBase'", schema: schema31.properties.ssh.required, parentSchema: schema31.properties.ssh, data: data5 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        for (const key3 in data5) {
          if (!(key3 === "host" || key3 === "portBase")) {
            const err11 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.ssh, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data5.host !== void 0) {
          let data6 = data5.host;
          if (typeof data6 === "string") {
            if (!pattern16.test(data6)) {
              const err12 = { instancePath: instancePath + "/ssh/host", schemaPath: "#/properties/ssh/properties/host/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.:-]{1,253}$" }, message: 'must match pattern "^[A-Za-z0-9.:-]{1,253}$"', schema: "^[A-Za-z0-9.:-]{1,253}$", parentSchema: schema31.properties.ssh.properties.host, data: data6 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/ssh/host", schemaPath: "#/properties/ssh/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.ssh.properties.host.type, parentSchema: schema31.properties.ssh.properties.host, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data5.portBase !== void 0) {
          let data7 = data5.portBase;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err14 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.ssh.properties.portBase.type, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 > 65e3 || isNaN(data7)) {
              const err15 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65e3 }, message: "must be <= 65000", schema: 65e3, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data7 < 1024 || isNaN(data7)) {
              const err16 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1024 }, message: "must be >= 1024", schema: 1024, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.ssh.type, parentSchema: schema31.properties.ssh, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
var schema34 = { "type": "object", "description": "Per-service overrides of one tier of the template.", "additionalProperties": false, "properties": { "count": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Instance count of this tier in this service." }, "settings": { "$ref": "#/definitions/settings" } } };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "count" || key0 === "settings")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.count !== void 0) {
      let data0 = data.count;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err1 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.properties.count.type, parentSchema: schema34.properties.count, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 > 1e4 || isNaN(data0)) {
          const err2 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema34.properties.count, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0 < 0 || isNaN(data0)) {
          const err3 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema34.properties.count, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
    }
    if (data.settings !== void 0) {
      if (!validate13(data.settings, { instancePath: instancePath + "/settings", parentData: data, parentDataProperty: "settings", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.template === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "template" }, message: "must have required property 'template'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "name" || key0 === "template" || key0 === "description" || key0 === "target" || key0 === "tiers")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema28, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema28.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("Service" !== data1) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Service" }, message: "must be equal to constant", schema: "Service", parentSchema: schema28.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err7 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/serviceName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema29, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/serviceName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema29.type, parentSchema: schema29, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.template !== void 0) {
      let data3 = data.template;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err9 = { instancePath: instancePath + "/template", schemaPath: "#/definitions/templateName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/template", schemaPath: "#/definitions/templateName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data4 = data.description;
      if (typeof data4 !== "string") {
        const err11 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema28.properties.description.type, parentSchema: schema28.properties.description, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      if (!validate18(data.target, { instancePath: instancePath + "/target", parentData: data, parentDataProperty: "target", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
    if (data.tiers !== void 0) {
      let data6 = data.tiers;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          const _errs15 = errors;
          if (typeof key1 === "string") {
            if (!pattern4.test(key1)) {
              const err12 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]{0,15}$" }, message: 'must match pattern "^[a-z][a-z0-9]{0,15}$"', schema: "^[a-z][a-z0-9]{0,15}$", parentSchema: schema16, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          var valid3 = _errs15 === errors;
          if (!valid3) {
            const err14 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema28.properties.tiers.propertyNames, parentSchema: schema28.properties.tiers, data: data6 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        for (const key2 in data6) {
          if (!validate20(data6[key2], { instancePath: instancePath + "/tiers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data6, parentDataProperty: key2, rootData })) {
            vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.properties.tiers.type, parentSchema: schema28.properties.tiers, data: data6 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.type, parentSchema: schema28, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
var Config = validate29;
var schema35 = { "type": "object", "title": "svcplan Config (svcplan.yaml)", "description": "Where svcplan finds templates and services, and where it keeps state.", "required": ["apiVersion", "kind"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "Config" }, "templates": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "A folder searched (recursively) for templates." }, "default": ["templates"] }, "services": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "A folder searched (recursively) for services." }, "default": ["services"] }, "state": { "type": "object", "additionalProperties": false, "description": "Where recorded state is kept.", "properties": { "store": { "enum": ["local", "git"], "default": "local", "description": "local: a folder in the working copy; git: a branch of this repository." }, "path": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "Folder of the local store.", "default": ".svcplan/state" }, "branch": { "type": "string", "pattern": "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", "x-hint": "a branch name", "default": "svcplan-state", "description": "Branch of the git store." } } }, "defaultBranch": { "type": "string", "pattern": "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", "x-hint": "a branch name", "description": "Branch that is applied; default: origin/HEAD, else main or master." } } };
var pattern21 = new RegExp("^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", "u");
var pattern22 = new RegExp("^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", "u");
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema35.required, parentSchema: schema35, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema35.required, parentSchema: schema35, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "templates" || key0 === "services" || key0 === "state" || key0 === "defaultBranch")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err3 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema35.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("Config" !== data1) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Config" }, message: "must be equal to constant", schema: "Config", parentSchema: schema35.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.templates !== void 0) {
      let data2 = data.templates;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err5 = { instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema35.properties.templates, data: data2 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (!pattern8.test(data3)) {
              const err6 = { instancePath: instancePath + "/templates/" + i0, schemaPath: "#/properties/templates/items/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.templates.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/templates/" + i0, schemaPath: "#/properties/templates/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.templates.items.type, parentSchema: schema35.properties.templates.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.templates.type, parentSchema: schema35.properties.templates, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data4 = data.services;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err9 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema35.properties.services, data: data4 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (typeof data5 === "string") {
            if (!pattern8.test(data5)) {
              const err10 = { instancePath: instancePath + "/services/" + i1, schemaPath: "#/properties/services/items/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.services.items, data: data5 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/services/" + i1, schemaPath: "#/properties/services/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.services.items.type, parentSchema: schema35.properties.services.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.services.type, parentSchema: schema35.properties.services, data: data4 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data6 = data.state;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          if (!(key1 === "store" || key1 === "path" || key1 === "branch")) {
            const err13 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35.properties.state, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data6.store !== void 0) {
          let data7 = data6.store;
          if (!(data7 === "local" || data7 === "git")) {
            const err14 = { instancePath: instancePath + "/state/store", schemaPath: "#/properties/state/properties/store/enum", keyword: "enum", params: { allowedValues: schema35.properties.state.properties.store.enum }, message: "must be equal to one of the allowed values", schema: schema35.properties.state.properties.store.enum, parentSchema: schema35.properties.state.properties.store, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data6.path !== void 0) {
          let data8 = data6.path;
          if (typeof data8 === "string") {
            if (!pattern8.test(data8)) {
              const err15 = { instancePath: instancePath + "/state/path", schemaPath: "#/properties/state/properties/path/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.state.properties.path, data: data8 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/state/path", schemaPath: "#/properties/state/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.state.properties.path.type, parentSchema: schema35.properties.state.properties.path, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data6.branch !== void 0) {
          let data9 = data6.branch;
          if (typeof data9 === "string") {
            if (!pattern21.test(data9)) {
              const err17 = { instancePath: instancePath + "/state/branch", schemaPath: "#/properties/state/properties/branch/pattern", keyword: "pattern", params: { pattern: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$" }, message: 'must match pattern "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$"', schema: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", parentSchema: schema35.properties.state.properties.branch, data: data9 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/state/branch", schemaPath: "#/properties/state/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.state.properties.branch.type, parentSchema: schema35.properties.state.properties.branch, data: data9 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.properties.state.type, parentSchema: schema35.properties.state, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.defaultBranch !== void 0) {
      let data10 = data.defaultBranch;
      if (typeof data10 === "string") {
        if (!pattern22.test(data10)) {
          const err20 = { instancePath: instancePath + "/defaultBranch", schemaPath: "#/properties/defaultBranch/pattern", keyword: "pattern", params: { pattern: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$" }, message: 'must match pattern "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$"', schema: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", parentSchema: schema35.properties.defaultBranch, data: data10 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/defaultBranch", schemaPath: "#/properties/defaultBranch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.defaultBranch.type, parentSchema: schema35.properties.defaultBranch, data: data10 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}

// src/load/schema.ts
var validators;
function validatorFor(kind) {
  if (!validators) {
    const digest = createHash("sha256").update(JSON.stringify(svcplan_v1_schema_default)).digest("hex");
    validators = digest === SCHEMA_DIGEST ? schema_validators_generated_exports : compileSchema();
  }
  return validators[kind];
}
function compileSchema() {
  const { Ajv } = createRequire(import.meta.url)("ajv");
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary(["x-hint", "x-unit"]);
  ajv.addSchema(svcplan_v1_schema_default);
  const get = (name) => ajv.getSchema(`urn:svcplan:schema:v1#/definitions/${name}`);
  return { ServiceTemplate: get("ServiceTemplate"), Service: get("Service"), Config: get("Config") };
}
function validateAgainstSchema(kind, value, sourceOf) {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const error of validate.errors ?? []) {
    const problem = describe(error, value, sourceOf);
    if (!problem) continue;
    const key = `${problem.path.join("\0")}\0${problem.atKey}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
function pointerToPath(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function dottedPath(path3) {
  if (path3.length === 0) return "the document";
  return path3.map((p, i) => typeof p === "number" || /^\d+$/.test(String(p)) ? `[${p}]` : (i === 0 ? "" : ".") + p).join("");
}
function valueAt(root, path3) {
  let v = root;
  for (const p of path3) v = v && typeof v === "object" ? v[p] : void 0;
  return v;
}
function shown(value, source) {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (typeof value === "number" && source !== void 0 && !/^["']/.test(source)) return source.length > 40 ? source.slice(0, 37) + "..." : source;
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}
var TYPE_WORDS = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  object: "a mapping (key: value)",
  array: "a list",
  null: "empty"
};
function describeNumber(s, value) {
  const what = s.type === "integer" ? "an integer" : "a number";
  const unit = typeof s["x-unit"] === "string" ? ` (${s["x-unit"]})` : "";
  const min = s.minimum;
  const max = s.maximum;
  if (min !== void 0 && max !== void 0) {
    if (max < 1e5) return `${what} from ${min} to ${max}${unit}`;
    return typeof value === "number" && value > max ? `${what} \u2264 ${max}${unit}` : `${what} \u2265 ${min}${unit}`;
  }
  if (min !== void 0) return `${what} \u2265 ${min}${unit}`;
  if (max !== void 0) return `${what} \u2264 ${max}${unit}`;
  return what + unit;
}
function describe(error, root, sourceOf) {
  const path3 = pointerToPath(error.instancePath);
  const where = dottedPath(path3);
  const value = valueAt(root, path3);
  const source = sourceOf(path3);
  const parent = error.parentSchema ?? {};
  const got = `got ${shown(value, source)}`;
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path: path3, atKey: false, message: `${where} is missing the required field "${field}"` };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known fields: ${known.join(", ")}` : "";
      return {
        path: [...path3, field],
        atKey: true,
        message: `${where === "the document" ? "unknown field" : `${where} has an unknown field`} "${field}"${hint}`
      };
    }
    case "propertyNames":
      return void 0;
    // the pattern error on the name itself says it better
    case "pattern": {
      if (error.propertyName !== void 0) {
        const name = error.propertyName;
        const hint2 = typeof parent["x-hint"] === "string" ? parent["x-hint"] : `names matching ${params.pattern}`;
        return { path: [...path3, name], atKey: true, message: `${where}: "${name}" is not a valid name; use ${hint2}` };
      }
      const hint = typeof parent["x-hint"] === "string" ? parent["x-hint"] : `a value matching ${params.pattern}`;
      return { path: path3, atKey: false, message: `${where} must be ${hint}, ${got}` };
    }
    case "type": {
      const expected = [].concat(params.type);
      if (expected.includes("integer") || expected.includes("number")) {
        if (expected.length === 1) return { path: path3, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
      }
      if (expected.length === 1 && expected[0] === "string" && (typeof value === "number" || typeof value === "boolean")) {
        const written = source ?? String(value);
        return { path: path3, atKey: false, message: `${where} must be a string, got ${typeof value} ${written}; quote it: "${written}"` };
      }
      const words = expected.map((t) => TYPE_WORDS[t] ?? t);
      const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0];
      return { path: path3, atKey: false, message: `${where} must be ${list}, ${got}` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return { path: path3, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
    case "enum": {
      const allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
      return { path: path3, atKey: false, message: `${where} must be one of ${allowed}, ${got}` };
    }
    case "const":
      return { path: path3, atKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}, ${got}` };
    case "minProperties":
      return { path: path3, atKey: false, message: `${where} must have at least ${params.limit} entr${params.limit === 1 ? "y" : "ies"}` };
    case "maxProperties":
      return { path: path3, atKey: false, message: `${where} may have at most ${params.limit} entries` };
    case "minItems":
      return { path: path3, atKey: false, message: `${where} must list at least ${params.limit} item${params.limit === 1 ? "" : "s"}` };
    case "maxItems":
      return { path: path3, atKey: false, message: `${where} may list at most ${params.limit} items` };
    case "uniqueItems":
      return { path: [...path3, Number(params.i)], atKey: false, message: `${where} lists ${shown(value[Number(params.i)], void 0)} twice` };
    case "minLength":
      return { path: path3, atKey: false, message: `${where} must not be empty` };
    case "maxLength":
      return { path: path3, atKey: false, message: `${where} must be at most ${params.limit} characters long` };
    default:
      return { path: path3, atKey: false, message: `${where} ${error.message ?? "is not valid"}` };
  }
}
function closest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  if (a.length > 64 || b.length > 64) return Infinity;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// src/load/source.ts
var import_yaml = __toESM(require_dist(), 1);

// src/load/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain");
var MAX_DEPTH = 48;
var MAX_KEY_LENGTH = 1e3;
var BLOCK_KEY = /^([A-Za-z_][\w.\/-]*):(?: |$)/;
var FLOW_KEY = /[A-Za-z_][\w.\/-]*/y;
function parsePlainYaml(text2) {
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\\\u2028\u2029\uFEFF]/.test(text2)) return void 0;
  try {
    return new PlainReader(text2).document();
  } catch (err) {
    if (err === NOT_PLAIN) return void 0;
    throw err;
  }
}
function refuse() {
  throw NOT_PLAIN;
}
var PlainReader = class {
  lines = [];
  pos = 0;
  depth = 0;
  path = [];
  sources = /* @__PURE__ */ new Map();
  constructor(text2) {
    let start = true;
    const raws = text2.split("\n");
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i];
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      const content = raw.slice(indent).trimEnd();
      if (content === "" || content[0] === "#") continue;
      if (indent === 0 && (content.startsWith("---") || content.startsWith("...") || content[0] === "%")) {
        if (start && (content === "---" || /^--- +#/.test(content))) {
          start = false;
          continue;
        }
        refuse();
      }
      start = false;
      this.lines.push({ indent, content });
    }
  }
  document() {
    if (this.lines.length === 0) refuse();
    const value = this.blockNode(this.lines[0].indent);
    if (this.pos !== this.lines.length) refuse();
    return { value, scalarSources: this.sources };
  }
  blockNode(indent) {
    if (++this.depth > MAX_DEPTH) refuse();
    const value = isListItem(this.lines[this.pos].content) ? this.list(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }
  mapping(indent) {
    const out = {};
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent || isListItem(line.content)) refuse();
      const match = BLOCK_KEY.exec(line.content);
      if (!match) refuse();
      const key = match[1];
      checkKey(key);
      if (Object.prototype.hasOwnProperty.call(out, key)) refuse();
      this.pos++;
      this.path.push(key);
      out[key] = this.valueAfter(line.content.slice(match[0].length), indent, true);
      this.path.pop();
    }
    return out;
  }
  list(indent) {
    const out = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent) refuse();
      if (!isListItem(line.content)) break;
      const rest = line.content.slice(1);
      const item = rest.trimStart();
      if (isListItem(item) || /^[^'"[{#]*:(?: |$)/.test(item)) refuse();
      this.pos++;
      this.path.push(String(out.length));
      out.push(this.valueAfter(rest, indent, false));
      this.path.pop();
    }
    return out;
  }
  /** The value after `key:` or `-` (`rest` starts with a space or is empty), at the parent's indent. */
  valueAfter(rest, indent, ofKey) {
    const text2 = rest.trimStart();
    const next = this.lines[this.pos];
    if (text2 === "" || text2[0] === "#") {
      if (next && next.indent > indent) return this.blockNode(next.indent);
      if (ofKey && next && next.indent === indent && isListItem(next.content)) return this.blockNode(indent);
      return null;
    }
    if (next && next.indent > indent) refuse();
    const scanner = { text: text2, at: 0 };
    const value = this.inlineValue(scanner);
    const after = text2.slice(scanner.at);
    if (after !== "" && !/^ +#/.test(after)) refuse();
    return value;
  }
  inlineValue(s) {
    const c = s.text[s.at];
    if (c === "[" || c === "{") return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    let end = s.text.length;
    const comment = s.text.indexOf(" #", start);
    if (comment >= 0) end = comment;
    const plain = s.text.slice(start, end).trimEnd();
    if (!plainStart(plain) || plain.includes(": ") || plain.endsWith(":")) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  flow(s) {
    if (++this.depth > MAX_DEPTH) refuse();
    const open = s.text[s.at++];
    const close = open === "[" ? "]" : "}";
    const list = [];
    const map = {};
    skipSpaces(s);
    if (s.text[s.at] === close) {
      s.at++;
    } else {
      for (; ; ) {
        if (open === "[") {
          this.path.push(String(list.length));
          list.push(this.flowValue(s));
          this.path.pop();
          skipSpaces(s);
          if (s.text[s.at] === ":") refuse();
        } else {
          const key = flowKey(s);
          if (Object.prototype.hasOwnProperty.call(map, key)) refuse();
          if (s.text[s.at] !== ":" || s.text[s.at + 1] !== " ") refuse();
          s.at += 2;
          skipSpaces(s);
          this.path.push(key);
          map[key] = this.flowValue(s);
          this.path.pop();
          skipSpaces(s);
        }
        const c = s.text[s.at++];
        if (c === close) break;
        if (c !== ",") refuse();
        skipSpaces(s);
        if (s.text[s.at] === close || s.text[s.at] === ",") refuse();
      }
    }
    this.depth--;
    return open === "[" ? list : map;
  }
  flowValue(s) {
    const c = s.text[s.at];
    if (c === "[" || c === "{") return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    const text2 = s.text;
    let end = start;
    for (; end < text2.length; end++) {
      const code = text2.charCodeAt(end);
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125 || code === 58 || code === 35) break;
    }
    const plain = text2.slice(start, end).trimEnd();
    const stop = text2.charCodeAt(end);
    if (!plainStart(plain) || end < text2.length && stop !== 44 && stop !== 93 && stop !== 125) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  scalar(plain) {
    const value = coreScalar(plain);
    if (typeof value !== "string") this.sources.set(this.path.join("\0"), plain);
    return value;
  }
};
function isListItem(content) {
  return content[0] === "-" && (content.length === 1 || content[1] === " ");
}
function skipSpaces(s) {
  while (s.text.charCodeAt(s.at) === 32) s.at++;
}
function checkKey(key) {
  if (key.length > MAX_KEY_LENGTH || key === "__proto__" || typeof coreScalar(key) !== "string") refuse();
}
function flowKey(s) {
  const c = s.text[s.at];
  let key;
  if (c === '"' || c === "'") {
    key = quoted(s);
  } else {
    FLOW_KEY.lastIndex = s.at;
    const match = FLOW_KEY.exec(s.text);
    if (!match) refuse();
    key = match[0];
    s.at += key.length;
    if (typeof coreScalar(key) !== "string") refuse();
  }
  if (key.length > MAX_KEY_LENGTH || key === "__proto__") refuse();
  return key;
}
function quoted(s) {
  const q = s.text[s.at];
  let out = "";
  let i = s.at + 1;
  for (; ; ) {
    const end = s.text.indexOf(q, i);
    if (end < 0) refuse();
    out += s.text.slice(i, end);
    if (q === "'" && s.text[end + 1] === "'") {
      out += "'";
      i = end + 2;
      continue;
    }
    s.at = end + 1;
    break;
  }
  const next = s.text[s.at];
  if (next !== void 0 && !" ,]}:".includes(next)) refuse();
  return out;
}
function plainStart(plain) {
  if (plain === "") return false;
  const c = plain[0];
  if ("?:,[]{}#&*!|>'\"%@`".includes(c)) return false;
  if (c === "-") return plain.length > 1 && plain[1] !== " " && plain[1] !== "-";
  return true;
}
var NULL = /^(?:~|[Nn]ull|NULL)?$/;
var BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var INT_OCT = /^0o[0-7]+$/;
var INT = /^[-+]?[0-9]+$/;
var INT_HEX = /^0x[0-9a-fA-F]+$/;
var FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
var FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
function coreScalar(plain) {
  const c = plain.charCodeAt(0);
  if (c >= 65 && c <= 90 || c >= 97 && c <= 122) {
    if (plain.length !== 4 && plain.length !== 5) return plain;
    if (NULL.test(plain)) return null;
    if (BOOL.test(plain)) return plain[0] === "t" || plain[0] === "T";
    return plain;
  }
  if (NULL.test(plain)) return null;
  if (BOOL.test(plain)) return plain[0] === "t" || plain[0] === "T";
  if (INT_OCT.test(plain)) return parseInt(plain.substring(2), 8);
  if (INT.test(plain)) return parseInt(plain, 10);
  if (INT_HEX.test(plain)) return parseInt(plain.substring(2), 16);
  if (FLOAT_NAN.test(plain)) return plain.slice(-3).toLowerCase() === "nan" ? NaN : plain[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(plain)) return parseFloat(plain);
  if (FLOAT.test(plain)) return parseFloat(plain);
  return plain;
}

// src/load/source.ts
var MAX_FILE_BYTES = 1024 * 1024;
function parseYamlFile(file, text2) {
  let parsed = parsedByText.get(text2);
  if (parsed) {
    parsedByText.delete(text2);
  } else {
    parsed = parseText(text2);
    cachedChars += text2.length;
  }
  parsedByText.set(text2, parsed);
  while (parsedByText.size > PARSE_CACHE_ENTRIES || cachedChars > PARSE_CACHE_CHARS) {
    const oldest = parsedByText.keys().next().value;
    parsedByText.delete(oldest);
    cachedChars -= oldest.length;
  }
  return {
    source: new ParsedFile(file, parsed),
    diagnostics: parsed.problems.length === 0 ? [] : parsed.problems.map((p) => ({ file, ...p }))
  };
}
var ParsedFile = class {
  constructor(file, parsed) {
    this.file = file;
    this.parsed = parsed;
    this.documents = parsed.documents;
  }
  file;
  parsed;
  documents;
  get lineCounter() {
    return this.parsed.lineCounter;
  }
};
var PARSE_CACHE_ENTRIES = 4096;
var PARSE_CACHE_CHARS = 32 * 1024 * 1024;
var parsedByText = /* @__PURE__ */ new Map();
var cachedChars = 0;
function parseText(text2) {
  if (Buffer.byteLength(text2, "utf8") <= MAX_FILE_BYTES && !/[\0\uFFFD]/.test(text2)) {
    const plain = parsePlainYaml(text2);
    if (plain) return plainText(text2, plain);
  }
  return parseFully(text2);
}
function plainText(text2, plain) {
  return new PlainText(text2, plain);
}
var PlainText = class {
  constructor(text2, plain) {
    this.text = text2;
    this.documents = [new PlainParsedDocument(this, plain)];
  }
  text;
  documents;
  problems = [];
  full;
  fully() {
    return this.full ??= parseFully(this.text);
  }
  get lineCounter() {
    return this.fully().lineCounter;
  }
};
var PlainParsedDocument = class {
  constructor(file, plain) {
    this.file = file;
    this.plain = plain;
    this.value = plain.value;
  }
  file;
  plain;
  index = 0;
  value;
  get doc() {
    return this.file.fully().documents[0].doc;
  }
  sourceOf(path3) {
    const written = this.plain.scalarSources.get(path3.join("\0"));
    if (written !== void 0) return written;
    const value = valueAt2(this.plain.value, path3);
    return typeof value === "string" ? value : sourceText(this.doc, path3);
  }
};
function valueAt2(root, path3) {
  let value = root;
  for (const segment of path3) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, segment)) return void 0;
    value = value[segment];
  }
  return value;
}
function parseFully(text2) {
  const lineCounter = new import_yaml.LineCounter();
  const documentsOut = [];
  const diagnostics = [];
  const at = (offset, message) => {
    const { line, col } = positionOf(text2, offset);
    diagnostics.push({ line, column: col, message });
  };
  if (Buffer.byteLength(text2, "utf8") > MAX_FILE_BYTES) {
    at(0, `file is larger than ${MAX_FILE_BYTES / 1024} KiB; split it into several files`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  const bad = text2.search(/[\0\uFFFD]/);
  if (bad >= 0) {
    at(bad, "not UTF-8 text (binary data or a broken encoding); save the file as UTF-8 YAML");
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  const deep = deepNesting(text2);
  if (deep >= 0) {
    at(deep, `nested more than ${MAX_FLOW_DEPTH} levels deep; no svcplan file needs this, and parsing it would be slow`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  let documents;
  try {
    documents = (0, import_yaml.parseAllDocuments)(text2, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: true,
      strict: true,
      logLevel: "silent"
    });
  } catch (err) {
    at(0, `cannot parse this file: ${describeCrash(err)}`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  documents.forEach((doc, index) => {
    const problems = [...doc.errors, ...doc.warnings];
    for (const problem of problems) {
      at(problem.pos[0], `${firstLine(problem.message)} (YAML ${problem.code.toLowerCase().replace(/_/g, " ")})`);
    }
    let value;
    const complexKey = problems.length === 0 ? firstComplexKey(doc) : void 0;
    if (complexKey) {
      at(complexKey.range?.[0] ?? 0, "a key must be a plain name, not a list or a mapping");
    } else if (problems.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (err) {
        at(doc.range[0], `cannot read this document: ${describeCrash(err)}`);
      }
    }
    documentsOut.push({ index, doc, value, sourceOf: (path3) => sourceText(doc, path3) });
  });
  return { lineCounter, documents: documentsOut, problems: diagnostics };
}
function firstComplexKey(doc) {
  let found;
  (0, import_yaml.visit)(doc, {
    Pair(_, pair) {
      const key = (0, import_yaml.isAlias)(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (key && !(0, import_yaml.isScalar)(key)) {
        found = pair.key ?? void 0;
        return import_yaml.visit.BREAK;
      }
      return void 0;
    }
  });
  return found;
}
var MAX_FLOW_DEPTH = 64;
function deepNesting(text2) {
  for (const line of text2.matchAll(/^[ \t]*((?:[-?:][ \t]+){65,})/gm)) return line.index + line[0].length - line[1].length;
  let depth = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c === "[" || c === "{") {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    } else if (c === "#" && (i === 0 || /\s/.test(text2[i - 1]))) {
      const end = text2.indexOf("\n", i);
      i = end < 0 ? text2.length : end;
    } else if (c === '"') {
      for (i++; i < text2.length && text2[i] !== '"'; i++) if (text2[i] === "\\") i++;
    } else if (c === "'" && (i === 0 || /[\s:,[{]/.test(text2[i - 1]))) {
      for (i++; i < text2.length; i++) {
        if (text2[i] === "'") {
          if (text2[i + 1] === "'") i++;
          else break;
        }
      }
    }
  }
  return -1;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
}
function describeCrash(err) {
  if (err instanceof RangeError) return "it is nested too deeply";
  const message = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(message)) return "too many aliases are expanded (an alias bomb?); write the values out";
  return firstLine(message);
}
function positionOf(text2, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text2.length);
  for (let i = text2.indexOf("\n"); i >= 0 && i < end; i = text2.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}
function findNode(doc, path3, opts = {}) {
  let node = doc.contents;
  let found = node;
  for (let i = 0; i < path3.length; i++) {
    if ((0, import_yaml.isAlias)(node)) node = node.resolve(doc);
    const segment = path3[i];
    const last = i === path3.length - 1;
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      if (last && opts.key && pair.key) return pair.key;
      node = pair.value;
      if (!node) return pair.key ?? found;
    } else if ((0, import_yaml.isSeq)(node)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      node = Number.isInteger(index) ? node.items[index] : void 0;
      if (!node) break;
    } else {
      break;
    }
    if ((0, import_yaml.isAlias)(node) || (0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node) || (0, import_yaml.isScalar)(node)) found = node;
  }
  return found;
}
function keyText(key) {
  if ((0, import_yaml.isScalar)(key)) return String(key.value);
  return void 0;
}
function sourceText(doc, path3) {
  const node = findNode(doc, path3);
  if (!(0, import_yaml.isScalar)(node)) return void 0;
  return typeof node.source === "string" ? node.source : void 0;
}
var YamlLocator = class {
  files = /* @__PURE__ */ new Map();
  add(source) {
    this.files.set(source.file, source);
  }
  has(file) {
    return this.files.has(file);
  }
  /**
   * In a file of several documents, the document where most of `path` exists is used (the first
   * on a tie); `locateIn` names the document when that is known.
   */
  locate(file, path3) {
    const source = this.files.get(file);
    if (!source || source.documents.length === 0) return { line: 1, column: 1 };
    let best = source.documents[0];
    let bestDepth = -1;
    for (const document of source.documents) {
      const depth = matchedDepth(document.doc, path3);
      if (depth > bestDepth) {
        best = document;
        bestDepth = depth;
      }
    }
    return this.locateIn(file, best.index, path3);
  }
  locateIn(file, documentIndex, path3, opts = {}) {
    const source = this.files.get(file);
    const document = source?.documents[documentIndex];
    if (!source || !document) return { line: 1, column: 1 };
    const node = findNode(document.doc, path3, opts);
    const offset = node?.range?.[0] ?? document.doc.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { line, column: col };
  }
};
function matchedDepth(doc, path3) {
  let depth = 0;
  for (let i = 1; i <= path3.length; i++) {
    const node = findNode(doc, path3.slice(0, i));
    const parentNode = findNode(doc, path3.slice(0, i - 1));
    if (!node || node === parentNode) break;
    depth = i;
  }
  return depth;
}

// src/load/config.ts
var CONFIG_FILE = "svcplan.yaml";
function defaultConfig() {
  return { templates: ["templates"], services: ["services"], state: { store: "local", path: ".svcplan/state", branch: "svcplan-state" }, declaredState: {} };
}
async function loadConfig(reader) {
  const text2 = await reader.read(CONFIG_FILE);
  const config = defaultConfig();
  if (text2 === void 0) return config;
  const { source, diagnostics } = parseYamlFile(CONFIG_FILE, text2);
  const locator = new YamlLocator();
  locator.add(source);
  const report = (index, path3, message, key = false) => diagnostics.push({ file: CONFIG_FILE, ...locator.locateIn(CONFIG_FILE, index, path3, { key }), message });
  const documents = source.documents.filter((d) => d.value !== null || d.doc.errors.length > 0);
  if (diagnostics.length === 0 && documents.length !== 1) {
    const at = documents[1] ?? source.documents[0];
    report(
      at?.index ?? 0,
      [],
      documents.length === 0 ? `${CONFIG_FILE} is empty; write "apiVersion: ${API_VERSION}" and "kind: Config", or delete it to use the defaults` : `${CONFIG_FILE} must hold one document; found ${documents.length}`
    );
  }
  const document = documents[0];
  if (diagnostics.length === 0 && document) {
    for (const problem of validateAgainstSchema("Config", document.value, (path3) => document.sourceOf(path3))) {
      report(document.index, problem.path, `${problem.message}`, problem.atKey);
    }
  }
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const value = document.value;
  const folders = (key) => {
    const list = value[key];
    if (!list) return config[key];
    return [...new Set(list.map((f) => normalizeRepoPath(f, { allowRoot: true })))];
  };
  return {
    templates: folders("templates"),
    services: folders("services"),
    state: {
      store: value.state?.store ?? config.state.store,
      path: value.state?.path !== void 0 ? normalizeRepoPath(value.state.path) : config.state.path,
      branch: value.state?.branch ?? config.state.branch
    },
    declaredState: {
      ...value.state?.store !== void 0 ? { store: value.state.store } : {},
      ...value.state?.path !== void 0 ? { path: normalizeRepoPath(value.state.path) } : {},
      ...value.state?.branch !== void 0 ? { branch: value.state.branch } : {}
    },
    ...value.defaultBranch !== void 0 ? { defaultBranch: value.defaultBranch } : {}
  };
}
function sortDiagnostics(diagnostics) {
  return [...diagnostics].sort(
    (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

// src/load/resolve.ts
function cloneData(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneData);
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return structuredClone(value);
  const copy = {};
  for (const key of Object.keys(value)) {
    const member = cloneData(value[key]);
    if (key === "__proto__") Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy;
}
function settingsFrom(raw, sourceOf, basePath) {
  const out = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === "number") {
      const written = sourceOf([...basePath, key]);
      out[key] = written !== void 0 && !/^["']/.test(written) ? written : String(value);
    } else {
      out[key] = String(value);
    }
  }
  return out;
}
function templateFromDocument(raw, file, sourceOf) {
  const images = {};
  for (const [key, image] of Object.entries(raw.images)) images[key] = { box: image.box, version: image.version };
  const tiers = {};
  for (const [name, tier] of Object.entries(raw.tiers)) {
    const apps = {};
    for (const [app, spec] of Object.entries(tier.apps ?? {})) {
      apps[app] = { version: spec.version, ...spec.install !== void 0 ? { install: spec.install } : {} };
    }
    const health = tier.health ?? {};
    const rollout = tier.rollout ?? {};
    tiers[name] = {
      ...tier.description !== void 0 ? { description: tier.description } : {},
      image: tier.image,
      cpus: tier.cpus ?? 1,
      memory: tier.memory ?? 1024,
      count: tier.count ?? 1,
      scale: { min: tier.scale?.min ?? 0, max: tier.scale?.max ?? 100 },
      features: [...tier.features ?? []],
      apps,
      settings: settingsFrom(tier.settings, sourceOf, ["tiers", name, "settings"]),
      ...tier.state ? {
        state: {
          disk: tier.state.disk,
          ...tier.state.save !== void 0 ? { save: tier.state.save } : {},
          ...tier.state.restore !== void 0 ? { restore: tier.state.restore } : {},
          onScaleIn: tier.state.onScaleIn ?? "retain"
        }
      } : {},
      health: {
        ...health.command !== void 0 ? { command: health.command } : {},
        timeout: health.timeout ?? 300,
        minReady: health.minReady ?? 0
      },
      rollout: {
        upgradeDomains: rollout.upgradeDomains ?? 1,
        maxParallel: rollout.maxParallel ?? 1,
        pauseBetweenDomains: rollout.pauseBetweenDomains ?? 0,
        order: rollout.order ?? 1,
        maxDisruption: rollout.maxDisruption ?? "replace",
        autoRollback: rollout.autoRollback ?? false
      }
    };
  }
  return {
    kind: "ServiceTemplate",
    name: raw.name,
    release: raw.release,
    ...raw.description !== void 0 ? { description: raw.description } : {},
    images,
    tiers,
    file
  };
}
function serviceFromDocument(raw, file, sourceOf) {
  const target = raw.target ?? {};
  const resolvedTarget = {
    driver: "vagrant",
    provider: target.provider ?? "libvirt",
    ...target.runner !== void 0 ? { runner: target.runner } : {},
    options: cloneData(target.options ?? {}),
    ...target.ssh ? { ssh: { host: target.ssh.host ?? "127.0.0.1", portBase: target.ssh.portBase } } : {}
  };
  const tiers = {};
  for (const [name, override] of Object.entries(raw.tiers ?? {})) {
    tiers[name] = {
      ...override.count !== void 0 ? { count: override.count } : {},
      ...override.settings !== void 0 ? { settings: settingsFrom(override.settings, sourceOf, ["tiers", name, "settings"]) } : {}
    };
  }
  return {
    kind: "Service",
    name: raw.name,
    template: raw.template,
    ...raw.description !== void 0 ? { description: raw.description } : {},
    target: resolvedTarget,
    tiers,
    file
  };
}
function resolveService(service, template) {
  const target = service.target;
  const tiers = [];
  for (const [name, tier] of Object.entries(template.tiers)) {
    const override = service.tiers[name];
    const instanceTarget = { provider: target.provider };
    if (target.runner !== void 0) instanceTarget.runner = target.runner;
    instanceTarget.options = target.options;
    if (target.ssh) instanceTarget.ssh = { ...target.ssh };
    const instance = {
      image: template.images[tier.image],
      cpus: tier.cpus,
      memory: tier.memory,
      features: tier.features,
      apps: tier.apps,
      settings: override?.settings === void 0 ? tier.settings : { ...tier.settings, ...override.settings }
    };
    if (tier.state) instance.state = tier.state;
    instance.target = instanceTarget;
    const spec = { name, count: override?.count ?? tier.count, scale: tier.scale, health: tier.health, rollout: tier.rollout };
    if (tier.description !== void 0) spec.description = tier.description;
    spec.instance = instance;
    tiers.push(spec);
  }
  tiers.sort(byRolloutOrder);
  assignSshPorts(tiers, target.ssh);
  return {
    name: service.name,
    template: template.name,
    release: template.release,
    target,
    tiers,
    files: { template: template.file, service: service.file }
  };
}
function assignSshPorts(tiers, ssh) {
  if (!ssh) return;
  const first = firstSshPorts(tiers, ssh.portBase);
  for (const tier of tiers) tier.instance.target.ssh = { host: ssh.host, portBase: first.get(tier.name) };
}
function byRolloutOrder(a, b) {
  return a.rollout.order - b.rollout.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function firstSshPorts(tiers, portBase) {
  const first = /* @__PURE__ */ new Map();
  let next = portBase;
  for (const tier of [...tiers].sort(byRolloutOrder)) {
    first.set(tier.name, next);
    next += Math.max(tier.scale.max, tier.count);
  }
  return first;
}

// src/load/tree.ts
function fileExists(reader, path3) {
  return reader.exists ? reader.exists(path3) : reader.read(path3).then((text2) => text2 !== void 0);
}
function named(reader, revision) {
  return { revision, list: (folders) => reader.list(folders), read: (path3) => reader.read(path3), exists: (path3) => fileExists(reader, path3) };
}
function readOnce(reader) {
  const reads = /* @__PURE__ */ new Map();
  return {
    revision: reader.revision,
    list: (folders) => reader.list(folders),
    read: (path3) => {
      let read = reads.get(path3);
      if (read === void 0) reads.set(path3, read = reader.read(path3));
      return read;
    },
    exists: (path3) => reads.has(path3) ? reads.get(path3).then((text2) => text2 !== void 0) : fileExists(reader, path3)
  };
}

// src/load/desired-state.ts
var DOCUMENT_KINDS = ["ServiceTemplate", "Service"];
var MAX_OPTION_DEPTH = 8;
var YIELD_AFTER_MS = 4;
async function loadDesiredState(reader) {
  const config = await loadConfig(reader);
  const paths = (await reader.list([...config.templates, ...config.services])).filter((path3) => /\.ya?ml$/i.test(path3) && path3 !== CONFIG_FILE);
  const texts = await Promise.all(paths.map((path3) => reader.read(path3)));
  const locator = new YamlLocator();
  const diagnostics = [];
  const report = (file, document, path3, message, key = false) => diagnostics.push({ file, ...locator.locateIn(file, document?.index ?? 0, path3, { key }), message });
  const positionText = (file, document, path3) => {
    const { line, column } = locator.locateIn(file, document.index, path3);
    return `${file}:${line}:${column}`;
  };
  const templates = [];
  const services = [];
  const brokenTemplates = /* @__PURE__ */ new Set();
  let unreadableFiles = 0;
  const templateDocuments = [];
  let busySince = performance.now();
  for (let i = 0; i < paths.length; i++) {
    if (i % 16 === 15 && performance.now() - busySince > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      busySince = performance.now();
    }
    const file = paths[i];
    const text2 = texts[i];
    if (text2 === void 0) continue;
    const { source, diagnostics: parseProblems } = parseYamlFile(file, text2);
    locator.add(source);
    diagnostics.push(...parseProblems);
    if (parseProblems.length > 0) {
      unreadableFiles++;
      continue;
    }
    const documents = source.documents.filter((d) => d.value !== null && d.value !== void 0);
    if (documents.length === 0) {
      report(file, void 0, [], `file has no ${API_VERSION} document; write a ServiceTemplate or Service here, or delete the file`);
      continue;
    }
    for (const document of documents) {
      const kind = checkKind(file, document, report);
      if (!kind) continue;
      const raw = document.value;
      if (kind === "ServiceTemplate") templateDocuments.push({ file, document, raw });
      const { problems, value } = checkedDocument(kind, file, document);
      for (const problem of problems) report(file, document, problem.path, problem.message, problem.atKey);
      if (problems.length > 0) {
        if (kind === "ServiceTemplate" && typeof raw.name === "string") brokenTemplates.add(raw.name);
        continue;
      }
      if (kind === "ServiceTemplate") templates.push({ value, raw, file, document });
      else services.push({ value, raw, file, document });
    }
  }
  const byName = (what, loaded) => {
    const named2 = /* @__PURE__ */ new Map();
    for (const doc of loaded) {
      const first = named2.get(doc.value.name);
      if (first)
        report(
          doc.file,
          doc.document,
          ["name"],
          `${what} name "${doc.value.name}" is already used by ${positionText(first.file, first.document, ["name"])}; ${what} names must be unique`
        );
      else named2.set(doc.value.name, doc);
    }
    return named2;
  };
  const templatesByName = byName("template", templates);
  for (const template of templatesByName.values()) checkTemplate(template, report);
  const servicesByName = byName("service", services);
  for (const service of servicesByName.values()) {
    const template = templatesByName.get(service.value.template);
    if (!template) {
      if (!brokenTemplates.has(service.value.template) && unreadableFiles === 0) {
        const known = [...templatesByName.keys()].sort();
        report(
          service.file,
          service.document,
          ["template"],
          `template "${service.value.template}" does not exist` + (known.length ? `; templates found: ${known.join(", ")}` : `; no templates were found under ${config.templates.join(", ")}`)
        );
      }
      continue;
    }
    checkService(service, template.value, report);
  }
  await checkScriptsExist(reader, templateDocuments, report);
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const resolved = [...servicesByName.values()].map((s) => resolvedSpec(s.value, templatesByName.get(s.value.template).value));
  return {
    revision: reader.revision,
    templates: [...templatesByName.values()].map((t) => t.value).sort((a, b) => compare(a.name, b.name)),
    services: resolved.sort((a, b) => compare(a.name, b.name)),
    locator
  };
}
var checkedDocuments = /* @__PURE__ */ new WeakMap();
function checkedDocument(kind, file, document) {
  const known = checkedDocuments.get(document);
  if (known && known.kind === kind && known.file === file) return known;
  const raw = document.value;
  const sourceOf = (path3) => document.sourceOf(path3);
  const problems = validateAgainstSchema(kind, raw, sourceOf);
  const value = problems.length > 0 ? void 0 : kind === "ServiceTemplate" ? templateFromDocument(raw, file, sourceOf) : serviceFromDocument(raw, file, sourceOf);
  const checked = { kind, file, problems, value };
  checkedDocuments.set(document, checked);
  return checked;
}
var resolvedSpecs = /* @__PURE__ */ new WeakMap();
function resolvedSpec(service, template) {
  const known = resolvedSpecs.get(service);
  if (known && known.template === template) return known.spec;
  const spec = resolveService(service, template);
  resolvedSpecs.set(service, { template, spec });
  return spec;
}
function checkKind(file, document, report) {
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report(
      file,
      document,
      [],
      `a ${API_VERSION} document is a mapping starting with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service", got ${Array.isArray(value) ? "a list" : JSON.stringify(value)?.slice(0, 40) ?? String(value)}`
    );
    return void 0;
  }
  const { apiVersion, kind } = value;
  const foreign = apiVersion === void 0 ? kind === void 0 : typeof apiVersion === "string" && !apiVersion.startsWith("svcplan/");
  if (foreign) {
    report(
      file,
      document,
      apiVersion === void 0 ? [] : ["apiVersion"],
      "not a svcplan file" + (apiVersion === void 0 ? "" : ` (apiVersion ${JSON.stringify(apiVersion)})`) + `: YAML files under the template and service folders must start with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service"; add them, or move the file out of these folders (or change the folders in svcplan.yaml)`
    );
    return void 0;
  }
  if (apiVersion !== API_VERSION) {
    report(
      file,
      document,
      apiVersion === void 0 ? [] : ["apiVersion"],
      apiVersion === void 0 ? `the document is missing "apiVersion: ${API_VERSION}"` : typeof apiVersion === "string" ? `apiVersion "${apiVersion}" is not supported; this svcplan reads ${API_VERSION}` : `apiVersion must be "${API_VERSION}", got ${JSON.stringify(apiVersion) ?? String(apiVersion)}`
    );
    return void 0;
  }
  if (kind === "Config") {
    report(file, document, ["kind"], `kind Config belongs in ${CONFIG_FILE} at the repository root, not in a template or service folder`);
    return void 0;
  }
  if (!DOCUMENT_KINDS.includes(kind)) {
    report(
      file,
      document,
      kind === void 0 ? [] : ["kind"],
      kind === void 0 ? 'the document has no "kind"; add "kind: ServiceTemplate" or "kind: Service"' : `unknown kind ${JSON.stringify(kind)}; ${API_VERSION} files are of kind ServiceTemplate or Service`
    );
    return void 0;
  }
  return kind;
}
function checkTemplate({ value: template, raw, file, document }, report) {
  const imageNames = Object.keys(template.images);
  for (const [name, tier] of Object.entries(template.tiers)) {
    const at = (...rest) => ["tiers", name, ...rest];
    if (!template.images[tier.image]) {
      report(
        file,
        document,
        at("image"),
        `tiers.${name}.image "${tier.image}" is not one of the template's images (${imageNames.join(", ")}); add it under images or fix the name`
      );
    }
    const { min, max } = tier.scale;
    if (min > max) {
      report(file, document, at("scale", "min"), `tiers.${name}.scale.min ${min} is greater than scale.max ${max}`);
    } else if (tier.count < min || tier.count > max) {
      const given = raw.tiers[name].count !== void 0;
      report(
        file,
        document,
        at("count"),
        `tiers.${name}.count ${tier.count}${given ? "" : " (the default)"} is outside scale ${min}..${max}; choose a count from ${min} to ${max}${given ? "" : " and write it"}, or change scale`
      );
    }
  }
}
function checkService({ value: service, raw, file, document }, template, report) {
  const tierNames = Object.keys(template.tiers);
  for (const [name, override] of Object.entries(service.tiers)) {
    const tier = template.tiers[name];
    if (!tier) {
      report(file, document, ["tiers", name], `tiers.${name}: template ${template.name} has no tier "${name}" (its tiers: ${tierNames.join(", ")})`, true);
      continue;
    }
    const { min, max } = tier.scale;
    if (override.count !== void 0 && min <= max && (override.count < min || override.count > max)) {
      report(
        file,
        document,
        ["tiers", name, "count"],
        `tiers.${name}.count ${override.count} is outside the scale ${min}..${max} of tier ${name} in template ${template.name} (${template.file})`
      );
    }
  }
  const ssh = service.target.ssh;
  if (ssh) {
    const tiers = Object.entries(template.tiers).map(([name, tier]) => ({ ...tier, name, count: service.tiers[name]?.count ?? tier.count }));
    const first = firstSshPorts(tiers, ssh.portBase);
    for (const tier of tiers) {
      const last = first.get(tier.name) + tier.count - 1;
      if (last > 65535) {
        report(
          file,
          document,
          ["target", "ssh", "portBase"],
          `target.ssh.portBase ${ssh.portBase} leaves no port for tier ${tier.name}: its last instance would get ${last} (each tier, in rollout order, reserves scale.max ports); choose a lower portBase`
        );
        break;
      }
    }
  }
  for (const key of Object.keys(service.target.options)) {
    if (depthOf(raw.target.options[key]) > MAX_OPTION_DEPTH) {
      report(
        file,
        document,
        ["target", "options", key],
        `${dottedPath(["target", "options", key])} is nested more than ${MAX_OPTION_DEPTH} levels deep; provider settings are never this deep`
      );
    }
  }
}
function depthOf(value, depth = 0) {
  if (depth > MAX_OPTION_DEPTH) return depth;
  if (value === null || typeof value !== "object") return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
async function checkScriptsExist(reader, templates, report) {
  const references = [];
  const object = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
  for (const { file, document, raw } of templates) {
    const add = (path3, script) => {
      if (typeof script === "string" && normalizeRepoPath(script) !== void 0) references.push({ file, document, path: path3, script });
    };
    for (const [name, tier] of Object.entries(object(raw.tiers))) {
      for (const [app, spec] of Object.entries(object(object(tier).apps))) add(["tiers", name, "apps", app, "install"], object(spec).install);
      const state = object(object(tier).state);
      add(["tiers", name, "state", "save"], state.save);
      add(["tiers", name, "state", "restore"], state.restore);
    }
  }
  const exists = /* @__PURE__ */ new Map();
  const check = (script) => {
    if (!exists.has(script)) exists.set(script, fileExists(reader, script));
    return exists.get(script);
  };
  const found = await Promise.all(references.map((r) => check(r.script)));
  references.forEach(({ file, document, path: path3, script }, i) => {
    if (!found[i]) {
      report(
        file,
        document,
        path3,
        `${dottedPath(path3)}: "${script}" does not exist at this revision (${revisionName(reader)}); paths are relative to the repository root`
      );
    }
  });
}
function revisionName(reader) {
  const { ref, commit } = reader.revision;
  if (ref === "WORKTREE") return "the working tree";
  return commit && ref !== commit ? `${ref}, ${commit.slice(0, 12)}` : ref;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/load/worktree.ts
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
var IGNORED_DIRS = /* @__PURE__ */ new Set([".git", ".svcplan", "node_modules"]);
var WorktreeReader = class _WorktreeReader {
  /** `commit`: the commit HEAD points to ('' when there is none); see `open` to look it up. */
  constructor(dir, commit = "") {
    this.dir = dir;
    this.revision = { ref: "WORKTREE", commit };
  }
  dir;
  revision;
  /** A reader whose revision carries HEAD's sha ('' when `dir` has no commit or no Git at all). */
  static async open(dir) {
    return new _WorktreeReader(dir, await new Git(dir).tryRevParse("HEAD") ?? "");
  }
  async list(folders) {
    const found = /* @__PURE__ */ new Set();
    for (const folder of folders) {
      const start = normalizeRepoPath(folder, { allowRoot: true });
      if (start === void 0) continue;
      await this.walk(start, found);
    }
    return [...found].sort();
  }
  async walk(folder, found) {
    let entries;
    try {
      entries = await readdir(join(this.dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path3 = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) await this.walk(path3, found);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        found.add(path3);
      }
    }
  }
  async read(path3) {
    const clean = normalizeRepoPath(path3);
    if (clean === void 0) return void 0;
    if (clean.split("/").some((part) => IGNORED_DIRS.has(part))) return void 0;
    try {
      return readFileSync(join(this.dir, clean), "utf8");
    } catch {
      return void 0;
    }
  }
};

// src/model/digest.ts
import { createHash as createHash2, hash as oneShotHash } from "node:crypto";
function canonicalJson(value) {
  return canonicalText(value);
}
function specDigest(spec, memo) {
  return textDigest(specText(spec, memo));
}
function specText(spec, memo) {
  return objectText(spec, memo, memo && SPEC_PARTS, "files");
}
var SPEC_PARTS = /* @__PURE__ */ new Set(["image", "features", "apps", "state", "health", "rollout", "scale"]);
function textDigest(text2) {
  return "sha256:" + (text2.length <= CHUNK ? oneShotHash("sha256", text2, "hex") : createHash2("sha256").update(text2).digest("hex"));
}
function canonicalText(value, memo) {
  return text(value, memo) ?? "null";
}
function canonicalDigest(value, memo) {
  return textDigest(canonicalText(value, memo));
}
function remember(value, memo, spec = false) {
  let known = memo.get(value);
  if (known === void 0) {
    known = flat(text(value, spec ? memo : void 0, spec ? SPEC_PARTS : void 0) ?? "null");
    memo.set(value, known);
  }
  return known;
}
function flat(text2) {
  text2.charCodeAt(text2.length >> 1);
  return text2;
}
var CHUNK = 64 * 1024;
function text(value, memo, parts) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (memo !== void 0) {
        const known = memo.get(value);
        if (known !== void 0) return known;
      }
      if (Array.isArray(value)) {
        if (value.length === 0) return "[]";
        let out = "[";
        for (let i = 0; i < value.length; i++) out += (i ? "," : "") + (text(value[i], memo, parts) ?? "null");
        return out + "]";
      }
      return objectText(value, memo, parts);
    }
    case "bigint":
      JSON.stringify(value);
      return void 0;
    default:
      return void 0;
  }
}
function objectText(value, memo, parts, skip) {
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const shape = shapeOf(keys);
  const sorted = shape.sorted;
  let out = "";
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === skip) continue;
    const member = value[key];
    let written;
    switch (typeof member) {
      case "string":
        written = JSON.stringify(member);
        break;
      case "number":
        written = Number.isFinite(member) ? String(member) : "null";
        break;
      case "object":
        written = parts !== void 0 && member !== null && parts.has(key) ? remember(member, memo) : text(member, memo, parts);
        break;
      default:
        written = text(member, memo, parts);
        if (written === void 0) continue;
    }
    out += (out === "" ? shape.open[i] : shape.next[i]) + written;
  }
  return out === "" ? "{}" : out + "}";
}
var shapes = /* @__PURE__ */ new Map();
var shapeCount = 0;
var MAX_SHAPES = 4096;
function shapeOf(keys) {
  const list = shapes.get(keys[0]);
  if (list !== void 0) {
    search: for (let s = 0; s < list.length; s++) {
      const known = list[s].keys;
      if (known.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (known[i] !== keys[i]) continue search;
      return list[s];
    }
  }
  const sorted = keyOrder(keys.slice());
  const labels = sorted.map((key) => JSON.stringify(key) + ":");
  const shape = { keys, sorted, open: labels.map((l) => "{" + l), next: labels.map((l) => "," + l) };
  if (shapeCount < MAX_SHAPES) {
    shapeCount++;
    if (list === void 0) shapes.set(keys[0], [shape]);
    else list.push(shape);
  }
  return shape;
}
var ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
function keyOrder(keys) {
  if (keys.length < 2) return keys;
  keys.sort();
  let indexes;
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295) (indexes ??= []).push(key);
  }
  if (!indexes) return keys;
  const isIndex = new Set(indexes);
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex.has(k))];
}

// src/plan/classify.ts
function present(value) {
  return value === void 0 ? null : value;
}
function same(a, b) {
  if (a === b) return true;
  if (isJsonScalar(a) && isJsonScalar(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.every(isString) && b.every(isString)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return canonicalText(a) === canonicalText(b);
}
function isJsonScalar(value) {
  return typeof value === "string" || typeof value === "boolean" || typeof value === "number" && Number.isFinite(value);
}
function isString(value) {
  return typeof value === "string";
}
function reason(path3, from, to, action) {
  return { path: path3, from: present(from), to: present(to), action };
}
function mostDisruptive(actions) {
  let worst = "none";
  for (const action of actions) {
    if (action in DISRUPTION_ORDER && DISRUPTION_ORDER[action] > DISRUPTION_ORDER[worst]) {
      worst = action;
    }
  }
  return worst;
}
var NO_KEYS = [];
function changedKeys(a, b, differs) {
  const left = a ? Object.keys(a) : NO_KEYS;
  const right = b ? Object.keys(b) : NO_KEYS;
  let changed;
  for (let i = 0; i < left.length; i++) if (differs(left[i])) (changed ??= []).push(left[i]);
  let sameKeys = left.length === right.length;
  for (let i = 0; sameKeys && i < left.length; i++) sameKeys = left[i] === right[i];
  if (!sameKeys) {
    const inLeft = new Set(left);
    for (let i = 0; i < right.length; i++) if (!inLeft.has(right[i]) && differs(right[i])) (changed ??= []).push(right[i]);
  }
  return changed ? changed.sort() : NO_KEYS;
}
function stateDiskReasons(from, to, reasons) {
  const a = from.state;
  const b = to.state;
  if (!a && !b) return;
  if (a?.disk !== b?.disk) {
    const grows = b !== void 0 && (a === void 0 || b.disk > a.disk);
    reasons.push(reason("state.disk", a?.disk, b?.disk, grows ? "restart" : "none"));
  }
  if (a && b) {
    if (a.save !== b.save) reasons.push(reason("state.save", a.save, b.save, "none"));
    if (a.restore !== b.restore) reasons.push(reason("state.restore", a.restore, b.restore, "none"));
    if (a.onScaleIn !== b.onScaleIn) reasons.push(reason("state.onScaleIn", a.onScaleIn, b.onScaleIn, "none"));
  }
}
function classifyInstanceChange(from, to) {
  const reasons = [];
  if (from.image.box !== to.image.box) reasons.push(reason("image.box", from.image.box, to.image.box, "replace"));
  if (from.image.version !== to.image.version) {
    reasons.push(reason("image.version", from.image.version, to.image.version, "replace"));
  }
  if (from.target.provider !== to.target.provider) {
    reasons.push(reason("target.provider", from.target.provider, to.target.provider, "replace"));
  }
  if (from.target.runner !== to.target.runner) {
    reasons.push(reason("target.runner", from.target.runner, to.target.runner, "replace"));
  }
  const fromOptions = from.target.options;
  const toOptions = to.target.options;
  const options = changedKeys(fromOptions, toOptions, (key) => !same(fromOptions?.[key], toOptions?.[key]));
  for (let i = 0; i < options.length; i++) {
    const key = options[i];
    reasons.push(reason(`target.options.${key}`, fromOptions?.[key], toOptions?.[key], "replace"));
  }
  if (!same(from.target.ssh, to.target.ssh)) reasons.push(reason("target.ssh", from.target.ssh ?? null, to.target.ssh ?? null, "restart"));
  if (from.cpus !== to.cpus) reasons.push(reason("cpus", from.cpus, to.cpus, "restart"));
  if (from.memory !== to.memory) reasons.push(reason("memory", from.memory, to.memory, "restart"));
  stateDiskReasons(from, to, reasons);
  if (!same(from.features, to.features)) reasons.push(reason("features", from.features, to.features, "refresh"));
  const apps = changedKeys(from.apps, to.apps, (name) => {
    const a = from.apps[name];
    const b = to.apps[name];
    return !a || !b || a.version !== b.version || a.install !== b.install;
  });
  for (let i = 0; i < apps.length; i++) {
    const name = apps[i];
    const a = from.apps[name];
    const b = to.apps[name];
    if (!a || !b) {
      reasons.push(reason(`apps.${name}`, a, b, "refresh"));
      continue;
    }
    if (a.version !== b.version) reasons.push(reason(`apps.${name}.version`, a.version, b.version, "refresh"));
    if (a.install !== b.install) reasons.push(reason(`apps.${name}.install`, a.install, b.install, "refresh"));
  }
  const settings = changedKeys(from.settings, to.settings, (key) => from.settings[key] !== to.settings[key]);
  for (let i = 0; i < settings.length; i++) {
    const key = settings[i];
    reasons.push(reason(`settings.${key}`, from.settings[key], to.settings[key], "refresh"));
  }
  let action = "none";
  for (let i = 0; i < reasons.length; i++) action = moreDisruptive(action, reasons[i].action);
  return { action, reasons };
}
function moreDisruptive(worst, action) {
  return action in DISRUPTION_ORDER && DISRUPTION_ORDER[action] > DISRUPTION_ORDER[worst] ? action : worst;
}
function classifyTierPolicyChange(from, to) {
  const reasons = [];
  if (from.release !== to.release) reasons.push(reason("release", from.release, to.release, "none"));
  const a = from.tier;
  const b = to.tier;
  if (!a) return reasons;
  if (a.description !== b.description) reasons.push(reason("description", a.description, b.description, "none"));
  policyReasons("health", a.health, b.health, reasons);
  policyReasons("rollout", a.rollout, b.rollout, reasons);
  policyReasons("scale", a.scale, b.scale, reasons);
  return reasons;
}
function policyReasons(group, x, y, reasons) {
  if (x === y) return;
  const left = x;
  const right = y;
  const keys = changedKeys(left, right, (key) => !same(left?.[key], right?.[key]));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    reasons.push(reason(`${group}.${key}`, left?.[key], right?.[key], "none"));
  }
}

// src/plan/build.ts
function rollingBack(record) {
  const last = record.history.at(-1);
  return last && (last.result === "in-progress" || last.result === "failed") && last.kind === "rollback" && last.pin ? last : void 0;
}
function currentServices(input) {
  const current = /* @__PURE__ */ new Map();
  for (const spec of input.standIn?.services ?? []) {
    const instances = [];
    for (let t = 0; t < spec.tiers.length; t++) {
      const tier = spec.tiers[t];
      for (let i = 1; i <= tier.count; i++) instances.push({ tier: tier.name, index: i, spec: tier.instance, status: "ready" });
    }
    current.set(spec.name, { source: "stand-in", spec, instances });
  }
  for (const [name, record] of Object.entries(input.recorded)) {
    current.set(name, {
      source: "recorded",
      spec: record.spec,
      instances: record.instances.map((inst) => ({
        tier: inst.tier,
        index: inst.index,
        spec: inst.spec,
        status: inst.status,
        ...inst.step ? { step: inst.step } : {}
      })),
      pin: record.pin,
      unfinished: record.history.at(-1)?.result === "in-progress",
      ...rollingBack(record) ? { rollingBack: rollingBack(record) } : {}
    });
  }
  return current;
}
function stateDigestOf(services) {
  return stateDigests(services).total;
}
function stateDigests(services, texts = /* @__PURE__ */ new WeakMap()) {
  const digests = /* @__PURE__ */ new WeakMap();
  const digestOfSpec = (spec, text2) => {
    let digest = digests.get(spec);
    if (digest === void 0) {
      digest = textDigest(text2());
      digests.set(spec, digest);
    }
    return digest;
  };
  const instanceDigest = (spec) => spec && typeof spec === "object" ? digestOfSpec(spec, () => remember(spec, texts, true)) : canonicalText(spec);
  const rank = tierRanks(services);
  const entryTexts = services.map(([name, s]) => {
    const sorted = inTierOrder(s.instances, rank);
    const runs = [];
    let run;
    let lastSpec;
    let specId = "";
    for (let n = 0; n < sorted.length; n++) {
      const i = sorted[n];
      if (n === 0 || i.spec !== lastSpec) specId = instanceDigest(lastSpec = i.spec);
      const step = i.step ? stepDigest(i.step) : void 0;
      if (run && run.tier === i.tier && run.spec === specId && run.status === i.status && run.step === step && run.last + 1 === i.index) {
        run.last = i.index;
      } else {
        run = { tier: i.tier, first: i.index, last: i.index, spec: specId, status: i.status };
        if (step) run.step = step;
        runs.push(run);
      }
    }
    const spec = s.spec && typeof s.spec === "object" ? digestOfSpec(s.spec, () => specText(s.spec, texts)) : null;
    return canonicalText({
      name,
      source: s.source,
      spec,
      instances: runs,
      pin: s.pin ? { deployment: s.pin.deployment, desiredDigest: s.pin.desiredDigest } : void 0
    });
  });
  const byService = {};
  services.forEach(([name], i) => byService[name] = textDigest(entryTexts[i]));
  return { total: textDigest("[" + entryTexts.join(",") + "]"), byService };
}
function tierRanks(services) {
  const names = /* @__PURE__ */ new Set();
  let last;
  for (let s = 0; s < services.length; s++) {
    const instances = services[s][1].instances;
    for (let i = 0; i < instances.length; i++) {
      const tier = instances[i].tier;
      if (tier !== last) names.add(last = tier);
    }
  }
  const collate = ![...names].every((name) => SCHEMA_TIER_NAME.test(name));
  const sorted = collate ? [...names].sort((a, b) => a.localeCompare(b)) : [...names].sort();
  const rank = /* @__PURE__ */ new Map();
  sorted.forEach((name, i) => rank.set(name, collate && i > 0 && sorted[i - 1].localeCompare(name) === 0 ? rank.get(sorted[i - 1]) : i));
  return rank;
}
var SCHEMA_TIER_NAME = /^[a-z][a-z0-9]{0,15}$/;
function inTierOrder(instances, rank) {
  const before = (a, b) => rank.get(a.tier) - rank.get(b.tier) || a.index - b.index;
  for (let i = 1; i < instances.length; i++) {
    if (before(instances[i - 1], instances[i]) > 0) return [...instances].sort(before);
  }
  return instances;
}
function stepDigest(step) {
  return canonicalDigest({ action: step.action, phase: step.phase, deployment: step.deployment, to: step.to ?? null, failed: step.failed ? true : false });
}
function locate(locator, file, path3) {
  for (let end = path3.length; end >= 0; end--) {
    try {
      return locator.locate(file, path3.slice(0, end));
    } catch {
    }
  }
  return { line: 1, column: 1 };
}
function diagnostic(f, file, path3, message) {
  return { file, ...locate(f.locator, file, path3), message };
}
function stateOnDestroy(inst, desiredTier) {
  if (!inst.spec.state) return void 0;
  const policy = desiredTier?.instance.state?.onScaleIn ?? inst.spec.state.onScaleIn;
  return policy === "delete" ? "deleted" : "kept";
}
function resumeReason(status, step) {
  const where = step.failed ? `${step.action} failed at ${step.phase}` : `${step.action} stopped at ${step.phase}`;
  return { path: "status", from: `${status}: ${where}`, to: "ready", action: step.action };
}
function resumeWarning(name, status, step) {
  const what = step.failed ? `failed at ${step.phase} (${firstLine2(step.failed.message)})` : `stopped at ${step.phase}`;
  return `${name}: its ${step.action} of deployment ${step.deployment} ${what}; this plan finishes it (instance ${status})`;
}
function resumedInstance(inst, step, desired, name, countReason, policyReasons2) {
  const resume = resumeReason(inst.status, step);
  const target = step.to;
  if (!target) return plannedInstance(name, inst.index, "create", [resume, countReason("create")]);
  const change = classifyInstanceChange(target, desired);
  const action = step.action === "create" ? "create" : mostDisruptive([step.action, change.action]);
  const state = action === "replace" && (inst.spec.state || target.state) ? "kept" : void 0;
  return plannedInstance(name, inst.index, action, [resume, ...change.reasons, ...policyReasons2], state);
}
function plannedInstance(name, index, action, reasons, state) {
  const entry = { name, index, action, reasons };
  if (state !== void 0) entry.state = state;
  return entry;
}
function firstLine2(text2) {
  return text2.split("\n")[0];
}
function planTier(service, tierName, current, desired, desiredTier, currentTier, existing, f) {
  const planned = [];
  const name = (n) => instanceName(service, tierName, n);
  const count = desiredTier?.count ?? 0;
  const countReason = (action) => ({ path: "count", from: existing.length, to: count, action });
  const policyReasons2 = desired && desiredTier && current ? classifyTierPolicyChange({ release: current.spec.release, tier: currentTier }, { release: desired.release, tier: desiredTier }) : [];
  let lastFrom;
  let lastChange;
  const changes = /* @__PURE__ */ new Map();
  const changeOf = (from, to) => {
    if (from === lastFrom) return lastChange;
    let change = changes.get(from);
    if (!change) {
      const classified = classifyInstanceChange(from, to);
      change = { action: classified.action, reasons: [...classified.reasons, ...policyReasons2] };
      changes.set(from, change);
    }
    lastFrom = from;
    lastChange = change;
    return change;
  };
  for (let i = 0; i < existing.length; i++) {
    const inst = existing[i];
    const step = inst.step;
    if (step) f.warnings.push(resumeWarning(name(inst.index), inst.status, step));
    if (!desiredTier || inst.index > count) {
      const reasons2 = step && step.action !== "destroy" ? [resumeReason(inst.status, step), countReason("destroy")] : [countReason("destroy")];
      planned.push(plannedInstance(name(inst.index), inst.index, "destroy", reasons2, stateOnDestroy(inst, desiredTier)));
      continue;
    }
    if (step) {
      planned.push(resumedInstance(inst, step, desiredTier.instance, name(inst.index), countReason, policyReasons2));
      continue;
    }
    const change = changeOf(inst.spec, desiredTier.instance);
    let action = change.action;
    let reasons = change.reasons;
    if (inst.status !== "ready") {
      reasons = [...reasons];
      f.warnings.push(`${name(inst.index)} is ${inst.status} after an earlier apply: this plan updates it again`);
      if (action === "none") {
        action = "refresh";
        reasons.unshift({ path: "status", from: inst.status, to: "ready", action: "refresh" });
      }
    }
    planned.push(plannedInstance(name(inst.index), inst.index, action, reasons, action === "replace" && inst.spec.state ? "kept" : void 0));
  }
  if (!holdsOneTo(existing, count)) {
    const taken = new Set(existing.map((i) => i.index));
    for (let n = 1; n <= count; n++) {
      if (!taken.has(n)) planned.push(plannedInstance(name(n), n, "create", [countReason("create")]));
    }
  }
  if (desired && desiredTier) refuse2(service, tierName, existing, desired, desiredTier, planned, f);
  if (!ascending(planned)) planned.sort((a, b) => a.index - b.index);
  const domainCount = desiredTier?.rollout.upgradeDomains ?? currentTier?.rollout.upgradeDomains ?? 1;
  const byDomain = /* @__PURE__ */ new Map();
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i];
    const d = upgradeDomainOf(p.index, domainCount);
    let domain = byDomain.get(d);
    if (!domain) byDomain.set(d, domain = []);
    domain.push(p);
  }
  const domains = [...byDomain.entries()].sort((a, b) => a[0] - b[0]).map(([index, instances]) => ({ index, instances }));
  const order = desiredTier?.rollout.order ?? currentTier?.rollout.order ?? 0;
  return { tier: { name: tierName, order, domains }, instances: planned };
}
function holdsOneTo(existing, count) {
  if (existing.length < count) return false;
  for (let i = 0; i < count; i++) if (existing[i].index !== i + 1) return false;
  return true;
}
function ascending(instances) {
  for (let i = 1; i < instances.length; i++) if (!(instances[i - 1].index <= instances[i].index)) return false;
  return true;
}
function refuse2(service, tierName, existing, desired, desiredTier, planned, f) {
  const file = desired.files.template;
  const diskOf = (i) => Math.max(i.spec.state?.disk ?? 0, i.step?.to?.state?.disk ?? 0);
  const kept = existing.filter((i) => i.index <= desiredTier.count && diskOf(i) > 0);
  const largest = Math.max(0, ...kept.map(diskOf));
  const wanted = desiredTier.instance.state;
  if (kept.length > 0 && !wanted) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ["tiers", tierName, "state"],
        `tier ${tierName} of service ${service} removes the state disk (${largest} GiB) that ${kept.length} instance(s) keep their app state on; svcplan never drops app state as a side effect: keep the state section, or scale the tier in with state.onScaleIn: delete first if the data may go`
      )
    );
  } else if (wanted && kept.length > 0 && wanted.disk < largest) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ["tiers", tierName, "state", "disk"],
        `tier ${tierName} of service ${service} shrinks its state disk from ${largest} GiB to ${wanted.disk} GiB; a disk cannot shrink without losing app state: set state.disk to ${largest} or more`
      )
    );
  }
  const cap = desiredTier.rollout.maxDisruption;
  const over = planned.filter((p) => p.action in DISRUPTION_ORDER && DISRUPTION_ORDER[p.action] > DISRUPTION_ORDER[cap]);
  if (over.length === 0) return;
  const worst = over.reduce((w, p) => DISRUPTION_ORDER[p.action] > DISRUPTION_ORDER[w] ? p.action : w, cap);
  const paths = [
    ...new Set(
      over.flatMap(
        (p) => p.reasons.filter((r) => r.action in DISRUPTION_ORDER && DISRUPTION_ORDER[r.action] > DISRUPTION_ORDER[cap]).map((r) => r.path)
      )
    )
  ].sort();
  f.errors.push(
    diagnostic(
      f,
      file,
      ["tiers", tierName, "rollout", "maxDisruption"],
      `tier ${tierName} of service ${service} allows at most ${cap} (rollout.maxDisruption) but ${over.length} instance(s) need ${worst}, forced by ${paths.join(", ")}: raise rollout.maxDisruption to ${worst}, or split the change so that each step stays within ${cap}`
    )
  );
}
function planService(name, current, desired, f) {
  const desiredTiers = tiersByName(desired);
  const currentTiers = tiersByName(current?.spec);
  const existing = /* @__PURE__ */ new Map();
  const instances = current?.instances ?? [];
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i];
    let list = existing.get(inst.tier);
    if (!list) existing.set(inst.tier, list = []);
    list.push(inst);
  }
  for (const list of existing.values()) if (!ascending(list)) list.sort((a, b) => a.index - b.index);
  const orderOf = (tier) => desiredTiers.get(tier)?.rollout.order ?? currentTiers.get(tier)?.rollout.order ?? 0;
  const tierNames = [.../* @__PURE__ */ new Set([...desiredTiers.keys(), ...existing.keys()])].sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b));
  const tiers = [];
  let changed = false;
  for (const tierName of tierNames) {
    const planned = planTier(name, tierName, current, desired, desiredTiers.get(tierName), currentTiers.get(tierName), existing.get(tierName) ?? [], f);
    if (planned.instances.length === 0) continue;
    if (!changed && planned.instances.some((i) => i.reasons.length > 0)) changed = true;
    tiers.push(planned.tier);
  }
  if (!changed && current?.unfinished) {
    f.warnings.push(`service ${name}: its last deployment stopped before it was recorded as finished; applying this plan finishes it`);
    changed = true;
  }
  if (!changed) return void 0;
  const service = { name, template: desired?.template ?? current.spec.template, tiers };
  const runner = desired ? desired.target.runner : current?.spec.target.runner;
  if (runner !== void 0) service.runner = runner;
  return service;
}
function tiersByName(spec) {
  const tiers = /* @__PURE__ */ new Map();
  for (const tier of spec?.tiers ?? []) if (!tiers.has(tier.name)) tiers.set(tier.name, tier);
  return tiers;
}
function planDigestOf(doc, desired = {}, specs = /* @__PURE__ */ new WeakMap()) {
  const memo = /* @__PURE__ */ new WeakMap();
  const services = doc.services ? servicesText(doc.services, memo) : void 0;
  if (services !== void 0) {
    memo.set(doc.services, services);
  } else {
    for (const service of doc.services ?? []) {
      for (const tier of service.tiers ?? []) {
        for (const domain of tier.domains ?? []) {
          for (const instance of domain.instances ?? []) {
            if (!instance || typeof instance !== "object") continue;
            const text2 = instanceText(instance, memo);
            if (text2 !== void 0) memo.set(instance, text2);
          }
        }
      }
    }
  }
  return canonicalDigest(
    {
      state_digest: doc.state_digest,
      summary: doc.summary,
      services: doc.services,
      warnings: doc.warnings,
      errors: doc.errors,
      desired: Object.fromEntries(
        Object.keys(desired).sort().map((name) => [name, desired[name] ? specDigest(desired[name], specs) : null])
      )
    },
    memo
  );
}
var INSTANCE_KEYS = /* @__PURE__ */ new Set(["name", "index", "action", "state", "reasons"]);
function instanceText(instance, memo) {
  const { name, action, state, reasons } = instance;
  if (typeof name !== "string" || typeof action !== "string" || state !== void 0 && typeof state !== "string" || !Array.isArray(reasons)) return void 0;
  for (const key in instance) if (!INSTANCE_KEYS.has(key)) return void 0;
  return `{"action":${JSON.stringify(action)},"name":${JSON.stringify(name)},"reasons":${reasonsText(reasons, memo)}${state === void 0 ? "" : `,"state":${JSON.stringify(state)}`}}`;
}
function reasonsText(reasons, memo) {
  let list = memo.get(reasons);
  if (list === void 0) {
    for (const reason2 of reasons) if (reason2 && typeof reason2 === "object") remember(reason2, memo);
    list = remember(reasons, memo);
  }
  return list;
}
var SERVICE_KEYS = /* @__PURE__ */ new Set(["name", "template", "runner", "tiers"]);
var TIER_KEYS = /* @__PURE__ */ new Set(["name", "order", "domains"]);
var DOMAIN_KEYS = /* @__PURE__ */ new Set(["index", "instances"]);
function hasOnly(value, keys) {
  for (const key in value) if (!keys.has(key) || !Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}
var USUAL_INSTANCE_KEYS = ["name", "index", "action", "reasons", "state"];
function instanceKeys(instance) {
  let k = 0;
  for (const key in instance) {
    if (key !== USUAL_INSTANCE_KEYS[k++]) {
      for (const other in instance) if (!INSTANCE_KEYS.has(other)) return false;
      return true;
    }
  }
  return true;
}
function plainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function numberText(n) {
  return Number.isFinite(n) ? String(n) : "null";
}
function servicesText(services, memo) {
  if (!Array.isArray(services)) return void 0;
  const shells = /* @__PURE__ */ new Map();
  const parts = ["["];
  for (let s = 0; s < services.length; s++) {
    const service = services[s];
    if (!plainObject(service) || !hasOnly(service, SERVICE_KEYS)) return void 0;
    const { name, template, runner, tiers } = service;
    if (typeof name !== "string" || typeof template !== "string" || runner !== void 0 && typeof runner !== "string" || !Array.isArray(tiers))
      return void 0;
    parts.push(
      `${s ? "," : ""}{"name":${JSON.stringify(name)},${runner === void 0 ? "" : `"runner":${JSON.stringify(runner)},`}"template":${JSON.stringify(template)},"tiers":[`
    );
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t];
      if (!plainObject(tier) || !hasOnly(tier, TIER_KEYS)) return void 0;
      const { name: tierName, order, domains } = tier;
      if (typeof tierName !== "string" || typeof order !== "number" || !Array.isArray(domains)) return void 0;
      parts.push(t ? ',{"domains":[' : '{"domains":[');
      for (let d = 0; d < domains.length; d++) {
        const domain = domains[d];
        if (!plainObject(domain) || !hasOnly(domain, DOMAIN_KEYS)) return void 0;
        const { index, instances } = domain;
        if (typeof index !== "number" || !Array.isArray(instances)) return void 0;
        parts.push(`${d ? "," : ""}{"index":${numberText(index)},"instances":[`);
        for (let i = 0; i < instances.length; i++) {
          const instance = instances[i];
          if (!plainObject(instance) || !instanceKeys(instance)) return void 0;
          const { name: instanceName2, action, state, reasons } = instance;
          if (typeof instanceName2 !== "string" || typeof action !== "string" || state !== void 0 && typeof state !== "string" || !Array.isArray(reasons))
            return void 0;
          let shell = shells.get(reasons);
          if (shell === void 0 || shell.action !== action || shell.state !== state) {
            shell = {
              action,
              state,
              before: `{"action":${JSON.stringify(action)},"name":`,
              after: `,"reasons":${reasonsText(reasons, memo)}${state === void 0 ? "" : `,"state":${JSON.stringify(state)}`}}`
            };
            shells.set(reasons, shell);
          }
          parts.push((i ? "," : "") + shell.before + JSON.stringify(instanceName2) + shell.after);
        }
        parts.push("]}");
      }
      parts.push(`],"name":${JSON.stringify(tierName)},"order":${numberText(order)}}`);
    }
    parts.push("]}");
  }
  parts.push("]");
  return parts.join("");
}
function currentStateDigest(input) {
  const current = currentServices(input);
  const wanted = input.services ? new Set(input.services) : void 0;
  const names = [...current.keys()].filter((n) => !wanted || wanted.has(n)).sort();
  return stateDigestOf(names.map((n) => [n, current.get(n)]));
}
function refusedPlan(input) {
  const state_digest = currentStateDigest(input);
  const summary = emptySummary();
  const document = {
    format_version: 1,
    base: input.base,
    head: input.head,
    state_digest,
    plan_digest: "",
    summary,
    services: [],
    warnings: input.warnings,
    errors: input.errors
  };
  document.plan_digest = planDigestOf(document);
  return { document, desired: {} };
}
function withWarnings(plan, warnings) {
  const document = { ...plan.document, warnings: [...warnings, ...plan.document.warnings] };
  document.plan_digest = planDigestOf(document, plan.desired);
  return { ...plan, document };
}
function buildPlan(input) {
  const desiredByName = new Map(input.desired.services.map((s) => [s.name, s]));
  const current = currentServices(input);
  const f = { warnings: [], errors: [], locator: input.desired.locator };
  let names = [.../* @__PURE__ */ new Set([...desiredByName.keys(), ...current.keys()])].sort();
  if (input.services) {
    const wanted = new Set(input.services);
    for (const s of [...wanted].sort()) {
      if (!names.includes(s)) f.warnings.push(`service ${s} is neither in the templates repository nor recorded: nothing to plan for it`);
    }
    names = names.filter((n) => wanted.has(n));
  }
  const services = [];
  const desired = {};
  const finishing = {};
  for (const name of names) {
    let spec = desiredByName.get(name);
    const now = current.get(name);
    const pin = now?.pin;
    const rollback = now?.rollingBack;
    if (rollback && spec && specDigest(spec) === rollback.pin.desiredDigest) {
      f.warnings.push(
        `service ${name}: its rollback (deployment ${rollback.id}) ${rollback.result === "failed" ? "failed" : "stopped before it finished"}; this plan finishes it, and pins the service there`
      );
      spec = rollback.spec;
      finishing[name] = {
        rollback: {
          ...rollback.rollbackOf !== void 0 ? { of: rollback.rollbackOf } : {},
          desiredDigest: rollback.pin.desiredDigest,
          release: rollback.revision.release
        },
        revision: { commit: rollback.revision.commit, ref: rollback.revision.ref }
      };
    } else if (pin && spec) {
      if (specDigest(spec) === pin.desiredDigest) {
        f.warnings.push(
          `service ${name} is pinned to deployment ${pin.deployment} by a rollback: it stays as recorded until a change to its template or service file`
        );
        continue;
      }
      f.warnings.push(
        `service ${name} was pinned to deployment ${pin.deployment} by a rollback; its template or service file changed since, so the pin no longer applies`
      );
    }
    if (now?.source === "stand-in" && spec) {
      f.warnings.push(
        `service ${name} has nothing recorded: planned as if the base revision were deployed (a what-if); an apply creates its instances instead`
      );
    }
    const planned = planService(name, now, spec, f);
    if (!planned) continue;
    services.push(planned);
    desired[name] = spec;
  }
  if (Object.keys(input.recorded).length === 0 && !input.standIn && services.length > 0) {
    f.warnings.push("nothing is recorded yet, so every instance is created; if VMs already run a service, `svcplan import SERVICE` records them first");
  }
  const summary = emptySummary();
  for (let s = 0; s < services.length; s++) {
    const tiers = services[s].tiers;
    for (let t = 0; t < tiers.length; t++) {
      const domains = tiers[t].domains;
      for (let d = 0; d < domains.length; d++) {
        const instances = domains[d].instances;
        for (let i = 0; i < instances.length; i++) summary[instances[i].action]++;
      }
    }
  }
  const specs = /* @__PURE__ */ new WeakMap();
  const states = stateDigests(
    names.filter((n) => current.has(n)).map((n) => [n, current.get(n)]),
    specs
  );
  const state_digest = states.total;
  const plan_digest = planDigestOf({ state_digest, summary, services, warnings: f.warnings, errors: f.errors }, desired, specs);
  const serviceStates = Object.fromEntries(services.map((s) => [s.name, states.byService[s.name] ?? null]));
  return {
    document: {
      format_version: 1,
      base: input.base,
      head: input.desired.revision,
      state_digest,
      plan_digest,
      summary,
      services,
      warnings: f.warnings,
      errors: f.errors
    },
    desired,
    locator: input.desired.locator,
    serviceStates,
    ...Object.keys(finishing).length > 0 ? { finishing } : {}
  };
}

// src/plan/runners.ts
var DEFAULT_RUNNER_LABEL = "default";
function runnerLabelOf(service) {
  return service.runner ?? DEFAULT_RUNNER_LABEL;
}

// src/render/words.ts
var SYMBOL = {
  create: "+",
  refresh: "~",
  restart: "~",
  replace: "-/+",
  destroy: "-",
  none: " "
};
function actionLabel(instance) {
  const state = instance.state ? `, state disk ${instance.state}` : "";
  switch (instance.action) {
    case "create":
      return "create";
    case "refresh":
      return "update in place";
    case "restart":
      return "update in place (restart)";
    case "replace":
      return `replace${state}`;
    case "destroy":
      return `destroy${state}`;
    case "none":
      return "no change";
  }
}
function reasonNote(r) {
  switch (r.action) {
    case "replace":
      return "forces replacement";
    case "restart":
      return "restart";
    case "none":
      return r.path === "count" ? "" : "used by the next rollout";
    default:
      return "";
  }
}
var MAX_VALUE = 160;
function valueText(value) {
  if (value === null || value === void 0) return "(none)";
  if (value === "") return '""';
  const text2 = typeof value === "string" ? value : JSON.stringify(value);
  return text2.length > MAX_VALUE ? text2.slice(0, MAX_VALUE - 1) + "\u2026" : text2;
}
function summarySentence(summary, stateKept) {
  const inPlace = summary.refresh + summary.restart;
  if (summary.create + inPlace + summary.replace + summary.destroy === 0) return "No changes to any VM.";
  const restart = summary.restart > 0 ? ` (${summary.restart} with restart)` : "";
  const kept = stateKept ? " (state kept)" : "";
  return `Plan: ${summary.create} to create, ${inPlace} to update in place${restart}, ${summary.replace} to replace${kept}, ${summary.destroy} to destroy.`;
}
function* instancesOf(service) {
  for (const t of service.tiers) for (const d of t.domains) yield* d.instances;
}
function serviceSummary(service) {
  const summary = emptySummary();
  for (const i of instancesOf(service)) summary[i.action]++;
  return summary;
}
function anyReplaceKeepsState(plan) {
  return plan.services.some((s) => [...instancesOf(s)].some((i) => i.action === "replace" && i.state === "kept"));
}
function countsPhrase(summary) {
  const parts = [];
  if (summary.create) parts.push(`${summary.create} to create`);
  if (summary.refresh + summary.restart) {
    const restart = summary.restart ? ` (${summary.restart} with restart)` : "";
    parts.push(`${summary.refresh + summary.restart} to update in place${restart}`);
  }
  if (summary.replace) parts.push(`${summary.replace} to replace`);
  if (summary.destroy) parts.push(`${summary.destroy} to destroy`);
  if (summary.none) parts.push(`${summary.none} unchanged`);
  return parts.join(", ");
}
function shortCommit(commit) {
  return commit ? commit.slice(0, 7) : "(no commit)";
}
function revisionLabel(revision) {
  if (revision.commit) return `${revision.ref} (${shortCommit(revision.commit)})`;
  return revision.ref === "STATE" ? "recorded state" : `${revision.ref} (no commit)`;
}

// src/render/markdown.ts
var PLAN_COMMENT_MARKER = "<!-- svcplan:plan -->";
var GITHUB_COMMENT_LIMIT = 65536;
var SMALLEST_LIMIT = 2e3;
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "`": "&#96;",
  "\\": "&#92;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "~": "&#126;",
  "@": "&#64;",
  "#": "&#35;"
};
function escapeMarkdown(text2) {
  return text2.replace(/\r\n?|\n/g, "\n").replace(/[&<>|`\\*_[\]~@#]/g, (c) => ENTITIES[c]).replace(/\n/g, "<br>").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function clip(text2, max) {
  return text2.length > max ? text2.slice(0, max - 1) + "\u2026" : text2;
}
function escapeClipped(text2, max) {
  const escaped = escapeMarkdown(text2);
  if (escaped.length <= max) return escaped;
  return escaped.slice(0, max - 1).replace(/&[#a-z0-9]*$|<[a-z]*$/i, "") + "\u2026";
}
function reasonText(r) {
  const note = reasonNote(r);
  return escapeMarkdown(`${r.path}: ${valueText(r.from)} \u2192 ${valueText(r.to)}${note ? ` (${note})` : ""}`);
}
function reasonsCell(reasons) {
  return reasons.map(reasonText).join("<br>");
}
function actionCell(i) {
  return `${SYMBOL[i.action].trim() ? `\`${SYMBOL[i.action]}\` ` : ""}${actionLabel(i)}`;
}
function domainList(indexes) {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}\u2013${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(", ");
}
function instanceNumber(name) {
  return Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
}
var TABLE_HEAD = "| instance | domain | action | reasons |\n|---|---:|---|---|";
function tierRows(tier, detail) {
  const rows = [];
  const flat2 = tier.domains.flatMap((d) => d.instances.map((instance) => ({ instance, domain: d.index })));
  const unchanged = detail >= 1 /* UnchangedCollapsed */ ? flat2.filter((f) => f.instance.action === "none") : [];
  const shown2 = detail >= 1 /* UnchangedCollapsed */ ? flat2.filter((f) => f.instance.action !== "none") : flat2;
  if (detail >= 2 /* Grouped */) {
    const groups = /* @__PURE__ */ new Map();
    for (const f of shown2) {
      const key = JSON.stringify([f.instance.action, f.instance.state ?? "", f.instance.reasons]);
      const group = groups.get(key);
      if (group) group.instances.push({ name: f.instance.name, domain: f.domain });
      else groups.set(key, { instances: [{ name: f.instance.name, domain: f.domain }], instance: f.instance });
    }
    for (const g of groups.values()) {
      const n = g.instances.length;
      const byNumber = [...g.instances].sort((a, b) => instanceNumber(a.name) - instanceNumber(b.name));
      const names = n === 1 ? byNumber[0].name : `${byNumber[0].name} \u2026 ${byNumber[n - 1].name} (${n} instances)`;
      rows.push(
        `| ${escapeMarkdown(names)} | ${domainList(g.instances.map((i) => i.domain))} | ${actionCell(g.instance)} | ${reasonsCell(g.instance.reasons)} |`
      );
    }
  } else {
    for (const f of shown2) {
      rows.push(`| ${escapeMarkdown(f.instance.name)} | ${f.domain} | ${actionCell(f.instance)} | ${reasonsCell(f.instance.reasons)} |`);
    }
  }
  if (unchanged.length > 0) {
    const paths = [...new Set(unchanged.flatMap((f) => f.instance.reasons.map((r) => r.path)))].sort();
    const why = paths.length ? escapeMarkdown(`changed for the next rollout: ${clip(paths.join(", "), 400)}`) : "";
    rows.push(
      `| ${unchanged.length} unchanged instance${unchanged.length === 1 ? "" : "s"} | ${domainList(unchanged.map((f) => f.domain))} | no change | ${why} |`
    );
  }
  return rows;
}
function serviceTitle(service) {
  const runner = service.runner ? `, runner ${escapeMarkdown(service.runner)}` : "";
  return `<b>${escapeMarkdown(service.name)}</b> (template ${escapeMarkdown(service.template)}${runner}): ${countsPhrase(serviceSummary(service))}`;
}
function renderService(service, detail) {
  if (detail === 3 /* OneLine */) return `- ${serviceTitle(service)}`;
  const parts = [`<details><summary>${serviceTitle(service)}</summary>`, ""];
  for (const tier of service.tiers) {
    parts.push(`**tier ${escapeMarkdown(tier.name)}** (order ${tier.order})`, "", TABLE_HEAD, ...tierRows(tier, detail), "");
  }
  parts.push("</details>");
  return parts.join("\n");
}
function countsTable(plan) {
  const s = plan.summary;
  const kept = anyReplaceKeepsState(plan) ? " (state kept)" : "";
  return [
    `| to create | to update in place | of which restart | to replace${kept} | to destroy | unchanged |`,
    "|---:|---:|---:|---:|---:|---:|",
    `| ${s.create} | ${s.refresh + s.restart} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`
  ].join("\n");
}
function messageList(title, lines, limit, noun) {
  if (lines.length === 0) return "";
  const shown2 = lines.slice(0, limit).map((l) => `- ${escapeClipped(l, limit === Infinity ? 4e3 : 600)}`);
  const more = lines.length - shown2.length;
  if (more > 0) shown2.push(`- \u2026 and ${more} more ${noun}${more === 1 ? "" : "s"} (run \`svcplan plan\` to see all)`);
  return [title, "", ...shown2].join("\n");
}
function messages(plan, limit) {
  const errors = plan.errors.map((e) => formatDiagnostic(e));
  const blocks = [
    errors.length ? messageList(
      `**Plan refused**: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing will be applied until ${errors.length === 1 ? "it is" : "they are"} fixed.`,
      errors,
      limit,
      "error"
    ) : "",
    messageList("**Warnings**", plan.warnings, limit, "warning")
  ];
  return blocks.filter(Boolean);
}
var RUNNER_DIGESTS_MARKER = "<!-- svcplan:runner-digests ";
function renderMarkdown(plan, opts = {}) {
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  if (maxLength < SMALLEST_LIMIT) throw new RangeError(`maxLength must be at least ${SMALLEST_LIMIT} characters, got ${maxLength}`);
  const digests = opts.runnerDigests && Object.keys(opts.runnerDigests).length > 0 ? (
    // JSON of labels and digests; `--` cannot end the comment early (labels are escaped).
    [`${RUNNER_DIGESTS_MARKER}${JSON.stringify(opts.runnerDigests).replace(/-->/g, "--\\u003e")} -->`]
  ) : [];
  const header = [
    PLAN_COMMENT_MARKER,
    ...digests,
    `### ${escapeClipped(opts.title ?? "svcplan plan", 200)}`,
    `base ${escapeClipped(revisionLabel(plan.base), 130)} \u2192 head ${escapeClipped(revisionLabel(plan.head), 130)}`,
    "",
    countsTable(plan),
    "",
    `**${summarySentence(plan.summary, anyReplaceKeepsState(plan))}** Plan digest: \`${plan.plan_digest}\``
  ].join("\n");
  const services = plan.services;
  const detail = services.map(() => 0 /* EveryInstance */);
  const rendered = services.map((s) => renderService(s, 0 /* EveryInstance */));
  let messageLimit = Infinity;
  let messageBlocks = messages(plan, messageLimit);
  const SEP = 2;
  const lengthOf = (blocks) => blocks.reduce((n, b) => n + b.length + SEP, 0);
  let serviceLength = lengthOf(rendered);
  const total = () => header.length + lengthOf(messageBlocks) + serviceLength;
  const fits = () => total() <= maxLength;
  const demote = (to) => {
    const order = services.map((_, i) => i).sort((a, b) => rendered[b].length - rendered[a].length);
    for (const i of order) {
      if (fits()) return;
      if (detail[i] >= to) continue;
      const next = renderService(services[i], to);
      serviceLength += next.length - rendered[i].length;
      rendered[i] = next;
      detail[i] = to;
    }
  };
  const limitMessages = (limit) => {
    if (fits()) return;
    messageLimit = limit;
    messageBlocks = messages(plan, messageLimit);
  };
  demote(1 /* UnchangedCollapsed */);
  demote(2 /* Grouped */);
  limitMessages(20);
  demote(3 /* OneLine */);
  limitMessages(5);
  let body = rendered;
  if (!fits()) {
    const room = maxLength - header.length - lengthOf(messageBlocks) - 200;
    body = [];
    let used = 0;
    for (const block of rendered) {
      if (used + block.length + SEP > room) break;
      body.push(block);
      used += block.length + SEP;
    }
    const left = services.length - body.length;
    body.push(`- \u2026 and ${left} more service${left === 1 ? "" : "s"}: run \`svcplan plan --format json\` for every instance`);
  }
  if (header.length + lengthOf(messageBlocks) + lengthOf(body) > maxLength) {
    messageBlocks = messages(plan, 0);
  }
  const comment = [header, ...messageBlocks, ...body].join("\n\n");
  if (comment.length > maxLength) throw new Error(`plan comment is ${comment.length} characters, over ${maxLength}`);
  return comment;
}

// src/state/lease.ts
import { hostname } from "node:os";
function checkServiceName(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) {
    throw new Error(`invalid service name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-'`);
  }
}
function newLease(service, owner, ttlSeconds, now = Date.now()) {
  return {
    service,
    owner,
    expiresAt: new Date(now + ttlSeconds * 1e3).toISOString(),
    holder: { host: hostname(), pid: process.pid }
  };
}
function sameLease(a, b) {
  return a.service === b.service && a.owner === b.owner && a.expiresAt === b.expiresAt && a.holder?.host === b.holder?.host && a.holder?.pid === b.holder?.pid;
}
function isLeaseStale(lease, now = Date.now()) {
  return leaseStaleness(lease, now) !== void 0;
}
function leaseStaleness(lease, now = Date.now()) {
  const expires = Date.parse(lease.expiresAt);
  if (!Number.isFinite(expires) || expires <= now) return `it expired at ${lease.expiresAt}`;
  if (lease.holder && lease.holder.host === hostname() && !processAlive(lease.holder.pid)) {
    return `its process (pid ${lease.holder.pid} on this host) is gone`;
  }
  return void 0;
}
function processAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function parseLease(text2, where) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (err) {
    throw new DamagedRecordError(where, `lease file is not valid JSON (${err.message})`, "Delete it if no apply is running");
  }
  const l = value;
  if (!l || typeof l.service !== "string" || typeof l.owner !== "string" || typeof l.expiresAt !== "string") {
    throw new DamagedRecordError(where, "lease file lacks service, owner or expiresAt", "Delete it if no apply is running");
  }
  return l;
}

// src/state/memory.ts
var MemoryStateStore = class {
  kind;
  records = /* @__PURE__ */ new Map();
  leases = /* @__PURE__ */ new Map();
  /** Every write, in order, with its message. */
  writes = [];
  constructor(initial = {}, kind = "local") {
    this.kind = kind;
    for (const record of Object.values(initial)) this.records.set(record.name, JSON.stringify(record));
  }
  async read() {
    const out = {};
    for (const name of [...this.records.keys()].sort()) out[name] = JSON.parse(this.records.get(name));
    return out;
  }
  async readService(name) {
    const text2 = this.records.get(name);
    return text2 === void 0 ? void 0 : JSON.parse(text2);
  }
  async writeService(record, message) {
    this.records.set(record.name, JSON.stringify(record));
    this.writes.push({ service: record.name, message });
  }
  async acquireLease(service, owner, ttlSeconds) {
    const current = this.leases.get(service);
    if (current && !isLeaseStale(current)) throw new LeaseHeldError(current);
    const lease = newLease(service, owner, ttlSeconds);
    this.leases.set(service, lease);
    return lease;
  }
  async renewLease(lease, ttlSeconds) {
    const current = this.leases.get(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = newLease(lease.service, lease.owner, ttlSeconds);
    this.leases.set(lease.service, renewed);
    return renewed;
  }
  async releaseLease(lease) {
    const current = this.leases.get(lease.service);
    if (current && sameLease(current, lease)) this.leases.delete(lease.service);
  }
  async readLease(service) {
    return this.leases.get(service);
  }
  /** For tests: put a lease in place as if another caller held it. */
  setLease(lease) {
    this.leases.set(lease.service, lease);
  }
};

// src/state/git-store.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
var DEFAULT_STATE_BRANCH = "svcplan-state";
var DRIFT_REPORTS_FOLDER = "drift";
var GitStateStore = class {
  constructor(repoDir, opts = {}) {
    this.repoDir = repoDir;
    this.git = new Git(repoDir);
    this.branch = opts.branch ?? DEFAULT_STATE_BRANCH;
    this.remote = opts.remote;
    this.maxAttempts = opts.maxAttempts ?? 12;
  }
  repoDir;
  kind = "git";
  branch;
  git;
  remote;
  maxAttempts;
  identityEnv;
  /** The tip we last saw; writes build on it first and fetch only when the push is refused. */
  knownTip;
  /**
   * Fetches and publishes of this store, one at a time: the services of one run (and a lease
   * renewal beside them) share the remote-tracking ref, and two git processes updating it at
   * once fail with "cannot lock ref". Other processes are kept apart by compare-and-swap.
   */
  refQueue = Promise.resolve();
  async read() {
    const snap = await this.snapshot(await this.fetchTip());
    const state = {};
    for (const file of [...snap.files.keys()].sort()) {
      if (file.includes("/") || !file.endsWith(".json")) continue;
      const record = parseRecord(await snap.read(file), this.where(file));
      state[record.name] = record;
    }
    return state;
  }
  async readService(name) {
    checkServiceName(name);
    const snap = await this.snapshot(await this.fetchTip());
    const text2 = await snap.read(`${name}.json`);
    return text2 === void 0 ? void 0 : parseRecord(text2, this.where(`${name}.json`));
  }
  async writeService(record, message) {
    checkServiceName(record.name);
    await this.update(message, async () => /* @__PURE__ */ new Map([[`${record.name}.json`, serializeRecord(record)]]));
  }
  async acquireLease(service, owner, ttlSeconds) {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    let lease;
    await this.update(`${service}: lease taken by ${owner}`, async (snap) => {
      const text2 = await snap.read(file);
      if (text2 !== void 0) {
        const current = parseLease(text2, this.where(file));
        if (!isLeaseStale(current)) throw new LeaseHeldError(current);
      }
      lease = newLease(service, owner, ttlSeconds);
      return /* @__PURE__ */ new Map([[file, JSON.stringify(lease, null, 2) + "\n"]]);
    });
    return lease;
  }
  async renewLease(lease, ttlSeconds) {
    const file = `leases/${lease.service}.json`;
    let renewed;
    await this.update(`${lease.service}: lease renewed by ${lease.owner}`, async (snap) => {
      const text2 = await snap.read(file);
      const current = text2 === void 0 ? void 0 : parseLease(text2, this.where(file));
      if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
      renewed = newLease(lease.service, lease.owner, ttlSeconds);
      return /* @__PURE__ */ new Map([[file, JSON.stringify(renewed, null, 2) + "\n"]]);
    });
    return renewed;
  }
  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service) {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    const text2 = await (await this.snapshot(await this.fetchTip())).read(file);
    return text2 === void 0 ? void 0 : parseLease(text2, this.where(file));
  }
  async releaseLease(lease) {
    const file = `leases/${lease.service}.json`;
    await this.update(`${lease.service}: lease released by ${lease.owner}`, async (snap) => {
      const text2 = await snap.read(file);
      if (text2 === void 0 || !sameLease(parseLease(text2, this.where(file)), lease)) return /* @__PURE__ */ new Map();
      return /* @__PURE__ */ new Map([[file, null]]);
    });
  }
  /**
   * Records the last drift report of each service given (service → its JSON text) as
   * `drift/<service>.json`, all in one commit, so the app can show them without reaching a
   * hypervisor. Service records and leases are not touched; `read()` does not see these files.
   */
  async writeDriftReports(reports, message) {
    const files = /* @__PURE__ */ new Map();
    for (const [service, text2] of Object.entries(reports)) {
      checkServiceName(service);
      files.set(`${DRIFT_REPORTS_FOLDER}/${service}.json`, text2);
    }
    if (files.size === 0) return;
    await this.update(message, async () => files);
  }
  // -------------------------------------------------------------------------------------------
  where(file) {
    return `${this.branch}:${file}`;
  }
  async remoteName() {
    if (this.remote === void 0) {
      try {
        await this.git.run(["remote", "get-url", "origin"]);
        this.remote = "origin";
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        this.remote = null;
      }
    }
    return this.remote;
  }
  trackingRef(remote) {
    return remote ? `refs/remotes/${remote}/${this.branch}` : `refs/heads/${this.branch}`;
  }
  /** Runs `work` once every fetch or publish of this store asked for before it has ended. */
  exclusive(work) {
    const result = this.refQueue.then(work, work);
    this.refQueue = result.catch(() => void 0);
    return result;
  }
  /** The branch's current tip (fetched from the remote first), or undefined before the first write. */
  fetchTip() {
    return this.exclusive(() => this.fetchTipNow());
  }
  async fetchTipNow() {
    const remote = await this.remoteName();
    if (remote) {
      try {
        await this.git.run(["fetch", "--quiet", "--no-tags", remote, `+refs/heads/${this.branch}:${this.trackingRef(remote)}`]);
      } catch (err) {
        if (!(err instanceof GitError) || !/couldn't find remote ref/i.test(err.stderr)) throw err;
        this.knownTip = void 0;
        return void 0;
      }
    }
    this.knownTip = await this.git.tryRevParse(this.trackingRef(remote));
    return this.knownTip;
  }
  async snapshot(tip) {
    const files = /* @__PURE__ */ new Map();
    if (tip) for (const e of await this.git.lsTree(tip)) files.set(e.path, e.object);
    const git = this.git;
    return {
      tip,
      files,
      async read(file) {
        const object = files.get(file);
        return object === void 0 ? void 0 : git.run(["cat-file", "blob", object]);
      }
    };
  }
  /**
   * One commit on the state branch, published with compare-and-swap. `change` sees the files at
   * the tip it builds on and may throw to refuse (a held lease); on a lost race it runs again on
   * the new tip.
   */
  update(message, change) {
    return this.exclusive(() => this.updateNow(message, change));
  }
  async updateNow(message, change) {
    const remote = await this.remoteName();
    let tip = this.knownTip ?? await this.fetchTipNow();
    let lastError;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const snap = await this.snapshot(tip);
      const edits = await change(snap);
      if (edits.size === 0) return;
      const commit = await this.commit(snap, edits, message);
      try {
        if (remote) {
          await this.git.run(["push", "--quiet", "--porcelain", remote, `${commit}:refs/heads/${this.branch}`]);
          await this.git.run(["update-ref", this.trackingRef(remote), commit]);
        } else {
          const ref = this.trackingRef(null);
          const line = tip ? `update ${ref} ${commit} ${tip}
` : `create ${ref} ${commit}
`;
          await this.git.run(["update-ref", "--stdin"], { input: line });
        }
        this.knownTip = commit;
        return;
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        lastError = err;
      }
      await sleep(jitteredBackoff(attempt));
      tip = await this.fetchTipNow();
    }
    throw new Error(
      `could not write the state branch ${this.branch} after ${this.maxAttempts} attempts (other writers kept moving it, or the push fails): ` + lastError.message
    );
  }
  async commit(snap, edits, message) {
    const tmp = await mkdtemp(path.join(tmpdir(), "svcplan-index-"));
    const env = { ...await this.identity(), GIT_INDEX_FILE: path.join(tmp, "index") };
    try {
      if (snap.tip) await this.git.run(["read-tree", snap.tip], { env });
      else await this.git.run(["read-tree", "--empty"], { env });
      for (const [file, content] of edits) {
        if (content === null) {
          await this.git.run(["update-index", "--force-remove", "--", file], { env });
        } else {
          const blob = (await this.git.run(["hash-object", "-w", "--stdin"], { input: content })).trim();
          await this.git.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${file}`], { env });
        }
      }
      const tree = (await this.git.run(["write-tree"], { env })).trim();
      const args = ["commit-tree", tree, "-m", message];
      if (snap.tip) args.push("-p", snap.tip);
      return (await this.git.run(args, { env })).trim();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  /** Commits need an author; CI machines often have none configured, so svcplan names itself then. */
  async identity() {
    if (!this.identityEnv) {
      let configured = false;
      try {
        configured = (await this.git.run(["config", "user.email"])).trim() !== "";
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
      }
      this.identityEnv = configured ? {} : { GIT_AUTHOR_NAME: "svcplan", GIT_AUTHOR_EMAIL: "svcplan@localhost", GIT_COMMITTER_NAME: "svcplan", GIT_COMMITTER_EMAIL: "svcplan@localhost" };
    }
    return this.identityEnv;
  }
};
function jitteredBackoff(attempt) {
  const cap = Math.min(2e3, 25 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}

// src/state/local.ts
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path2 from "node:path";
var DEFAULT_LOCAL_STATE_PATH = ".svcplan/state";
var LocalStateStore = class {
  constructor(repoDir, statePath = DEFAULT_LOCAL_STATE_PATH) {
    this.repoDir = repoDir;
    this.dir = path2.resolve(repoDir, statePath);
  }
  repoDir;
  kind = "local";
  dir;
  async read() {
    let names;
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if (err.code === "ENOENT") return {};
      throw err;
    }
    const state = {};
    for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
      const record = await this.readService(name.slice(0, -".json".length));
      if (record) state[record.name] = record;
    }
    return state;
  }
  async readService(name) {
    checkServiceName(name);
    const file = this.serviceFile(name);
    let text2;
    try {
      text2 = await fs.readFile(file, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw err;
    }
    return parseRecord(text2, file);
  }
  // The message is for stores with a history (git); a folder keeps only the latest record.
  async writeService(record, _message) {
    checkServiceName(record.name);
    await this.ensureDir();
    await writeFileAtomic(this.serviceFile(record.name), serializeRecord(record));
  }
  async acquireLease(service, owner, ttlSeconds) {
    checkServiceName(service);
    await this.ensureDir();
    await fs.mkdir(this.leaseDir(), { recursive: true });
    const file = this.leaseFile(service);
    for (let attempt = 0; attempt < 5; attempt++) {
      const lease = newLease(service, owner, ttlSeconds);
      if (await linkExclusive(file, JSON.stringify(lease, null, 2) + "\n")) return lease;
      const current2 = await this.readLease(service);
      if (!current2) continue;
      if (!isLeaseStale(current2)) throw new LeaseHeldError(current2);
      await this.removeLeaseIf(service, current2);
    }
    const current = await this.readLease(service);
    if (current) throw new LeaseHeldError(current);
    throw new Error(`could not take the lease on service ${service} in ${file}: it keeps changing hands`);
  }
  async renewLease(lease, ttlSeconds) {
    const current = await this.readLease(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = { ...newLease(lease.service, lease.owner, ttlSeconds) };
    await writeFileAtomic(this.leaseFile(lease.service), JSON.stringify(renewed, null, 2) + "\n");
    return renewed;
  }
  async releaseLease(lease) {
    await this.removeLeaseIf(lease.service, lease);
  }
  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service) {
    const file = this.leaseFile(service);
    try {
      return parseLease(await fs.readFile(file, "utf8"), file);
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw err;
    }
  }
  /**
   * Removes the lease file only while it still holds `expected`: it is moved aside first (an
   * atomic rename), checked, and put back if another caller had replaced it in the meantime.
   */
  async removeLeaseIf(service, expected) {
    const file = this.leaseFile(service);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.old`;
    try {
      await fs.rename(file, aside);
    } catch (err) {
      if (err.code === "ENOENT") return;
      throw err;
    }
    const moved = parseLease(await fs.readFile(aside, "utf8"), aside);
    if (!sameLease(moved, expected)) {
      try {
        await fs.link(aside, file);
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
      }
    }
    await fs.rm(aside, { force: true });
  }
  async ensureDir() {
    await fs.mkdir(this.dir, { recursive: true });
    const svcplanDir = path2.resolve(this.repoDir, ".svcplan");
    const ignoreDir = isInside(this.dir, svcplanDir) ? svcplanDir : this.dir;
    const ignoreFile = path2.join(ignoreDir, ".gitignore");
    try {
      await fs.writeFile(ignoreFile, "*\n", { flag: "wx" });
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
  serviceFile(name) {
    return path2.join(this.dir, `${name}.json`);
  }
  leaseDir() {
    return path2.join(this.dir, "leases");
  }
  leaseFile(service) {
    return path2.join(this.leaseDir(), `${service}.json`);
  }
};
function isInside(child, parent) {
  const rel = path2.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}
function tempName(file) {
  return `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}
async function writeDurable(file, text2, flag) {
  const handle = await fs.open(file, flag);
  try {
    await handle.writeFile(text2, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function syncDir(dir) {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function writeFileAtomic(file, text2) {
  const tmp = tempName(file);
  try {
    await writeDurable(tmp, text2, "w");
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path2.dirname(file));
}
async function linkExclusive(file, text2) {
  const tmp = tempName(file);
  await writeDurable(tmp, text2, "wx");
  try {
    await fs.link(tmp, file);
    await syncDir(path2.dirname(file));
    return true;
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

// src/state/index.ts
async function openStateStore(opts) {
  if (opts.kind === "local") return new LocalStateStore(opts.repoDir, opts.path ?? DEFAULT_LOCAL_STATE_PATH);
  if (opts.kind === "git") return new GitStateStore(opts.repoDir, { branch: opts.branch ?? DEFAULT_STATE_BRANCH, remote: opts.remote });
  throw new Error(`unknown state store "${String(opts.kind)}": use local or git`);
}

// src/apply/types.ts
var RunInterruptedError = class extends Error {
  constructor(message = "the run was interrupted") {
    super(message);
    this.name = "RunInterruptedError";
  }
};
var StoppedOnRequest = class extends RunInterruptedError {
  constructor(message) {
    super(message);
    this.name = "StoppedOnRequest";
  }
};

export {
  GitError,
  UnknownRevisionError,
  Git,
  InputError,
  formatDiagnostic,
  DISRUPTION_ORDER,
  instanceName,
  DamagedRecordError,
  LeaseHeldError,
  LeaseLostError,
  RunInterruptedError,
  StoppedOnRequest,
  WorktreeReader,
  GitRevisionReader,
  loadConfig,
  named,
  readOnce,
  loadDesiredState,
  canonicalJson,
  specDigest,
  mostDisruptive,
  classifyInstanceChange,
  refusedPlan,
  withWarnings,
  buildPlan,
  runnerLabelOf,
  SYMBOL,
  actionLabel,
  reasonNote,
  valueText,
  summarySentence,
  anyReplaceKeepsState,
  revisionLabel,
  GITHUB_COMMENT_LIMIT,
  escapeMarkdown,
  renderMarkdown,
  leaseStaleness,
  MemoryStateStore,
  openStateStore
};
