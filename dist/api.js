import { createRequire as __xlciCreateRequire } from "node:module";
const require = __xlciCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a2, b) => (typeof require !== "undefined" ? require : a2)[b]
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
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
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
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity3.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path10) {
      const ctrl = callVisitor(key, node, visitor, path10);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path10, ctrl);
        return visit_(key, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path10);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = visit_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path10);
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
      if (identity3.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path10) {
      const ctrl = await callVisitor(key, node, visitor, path10);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path10, ctrl);
        return visitAsync_(key, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path10);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path10);
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
    function callVisitor(key, node, visitor, path10) {
      if (typeof visitor === "function")
        return visitor(key, node, path10);
      if (identity3.isMap(node))
        return visitor.Map?.(key, node, path10);
      if (identity3.isSeq(node))
        return visitor.Seq?.(key, node, path10);
      if (identity3.isPair(node))
        return visitor.Pair?.(key, node, path10);
      if (identity3.isScalar(node))
        return visitor.Scalar?.(key, node, path10);
      if (identity3.isAlias(node))
        return visitor.Alias?.(key, node, path10);
      return void 0;
    }
    function replaceNode(key, path10, node) {
      const parent = path10[path10.length - 1];
      if (identity3.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity3.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity3.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity3.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var visit = require_visit();
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
        if (doc && tagEntries.length > 0 && identity3.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity3.isNode(node) && node.tag)
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
    var identity3 = require_identity();
    var visit = require_visit();
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
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name = `${prefix}${i2}`;
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
            if (typeof ref === "object" && ref.anchor && (identity3.isScalar(ref.node) || identity3.isCollection(ref.node))) {
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
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
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
    var identity3 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i2) => toJS(v, String(i2), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity3.hasAnchor(value))
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
    var identity3 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: type });
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
        if (!identity3.isDocument(doc))
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
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
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
    var visit = require_visit();
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity3.ALIAS);
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
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity3.isAlias(node) || identity3.hasAnchor(node))
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
      if (identity3.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity3.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c3 = getAliasCount(doc, item, anchors2);
          if (c3 > count2)
            count2 = c3;
        }
        return count2;
      } else if (identity3.isPair(node)) {
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
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity3.SCALAR);
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
    var identity3 = require_identity();
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
      if (identity3.isDocument(value))
        value = value.contents;
      if (identity3.isNode(value))
        return value;
      if (identity3.isPair(value)) {
        const map = ctx.schema[identity3.MAP].createNode?.(ctx.schema, null, ctx);
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
        tagObj = value instanceof Map ? schema[identity3.MAP] : Symbol.iterator in Object(value) ? schema[identity3.SEQ] : schema[identity3.MAP];
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
    var identity3 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path10, value) {
      let v = value;
      for (let i2 = path10.length - 1; i2 >= 0; --i2) {
        const k = path10[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a2 = [];
          a2[k] = v;
          v = a2;
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
    var isEmptyPath = (path10) => path10 == null || typeof path10 === "object" && !!path10[Symbol.iterator]().next().done;
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
        copy.items = copy.items.map((it) => identity3.isNode(it) || identity3.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path10, value) {
        if (isEmptyPath(path10))
          this.add(value);
        else {
          const [key, ...rest] = path10;
          const node = this.get(key, true);
          if (identity3.isCollection(node))
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
      deleteIn(path10) {
        const [key, ...rest] = path10;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity3.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        const [key, ...rest] = path10;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity3.isScalar(node) ? node.value : node;
        else
          return identity3.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity3.isPair(node))
            return false;
          const n2 = node.value;
          return n2 == null || allowScalar && identity3.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path10) {
        const [key, ...rest] = path10;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity3.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path10, value) {
        const [key, ...rest] = path10;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity3.isCollection(node))
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
    function indentComment(comment, indent2) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent2 ? comment.replace(/^(?! *$)/gm, indent2) : comment;
    }
    var lineComment = (str, indent2, comment) => str.endsWith("\n") ? indentComment(comment, indent2) : comment.includes("\n") ? "\n" + indentComment(comment, indent2) : (str.endsWith(" ") ? "" : " ") + comment;
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
    function foldFlowLines(text, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text, i2, indent2.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text, i2, indent2.length);
          end = i2 + indent2.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i2;
          }
          if (i2 >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
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
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text.length;
        if (fold === 0)
          res = `
${indent2}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent2}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i2, indent2) {
      let end = i2;
      let start = i2 + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i2 < start + indent2) {
          ch = text[++i2];
        } else {
          do {
            ch = text[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start = i2 + 1;
          ch = text[start];
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
      for (let i2 = 0, start = 0; i2 < strLen; ++i2) {
        if (str[i2] === "\n") {
          if (i2 - start > limit)
            return true;
          start = i2 + 1;
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
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str += json.slice(start, i2) + "\\ ";
          i2 += 1;
          start = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str += json.slice(start, i2);
                const code = json.substr(i2 + 2, 4);
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
                      str += json.substr(i2, 6);
                }
                i2 += 5;
                start = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str += json.slice(start, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str += "\n";
                  i2 += 2;
                }
                str += indent2;
                if (json[i2 + 2] === " ")
                  str += "\\";
                i2 += 1;
                start = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
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
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
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
        end = end.replace(blockEndNewlines, `$&${indent2}`);
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
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent2}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header2}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
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
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
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
    var identity3 = require_identity();
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
      if (identity3.isScalar(item)) {
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
      const anchor = (identity3.isScalar(node) || identity3.isCollection(node)) && node.anchor;
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
      if (identity3.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity3.isAlias(item)) {
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
      const node = identity3.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o2) => tagObj = o2 });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity3.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity3.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
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
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity3.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity3.isCollection(key) || !identity3.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity3.isCollection(key) || (identity3.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
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
${indent2}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity3.isNode(value)) {
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
      if (!explicitKey && !keyComment && identity3.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity3.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
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
      } else if (!explicitKey && identity3.isCollection(value)) {
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
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
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
    var identity3 = require_identity();
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
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity3.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity3.isSeq(source))
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
      if (!identity3.isMap(source))
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
      return ctx && identity3.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
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
    var identity3 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity3.isNode(key) && key.addToJSMap)
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
      if (identity3.isNode(key) && ctx?.doc) {
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
    var identity3 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity3.isNode(key))
          key = key.clone(schema);
        if (identity3.isNode(value))
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
    var identity3 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity3.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
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
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line = lines[i2];
          str += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity3.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity3.isNode(item.value) ? item.value : null;
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
        if (i2 < items.length - 1) {
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
${indentStep}${indent2}${line}` : "\n";
          return `${str}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent2);
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
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity3.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity3.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity3.isScalar(it.key) && it.key.value === k)
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
        super(identity3.MAP, schema);
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
        if (identity3.isPair(pair))
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
          if (identity3.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
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
        return (!keepScalar && identity3.isScalar(node) ? node.value : node) ?? void 0;
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
          if (!identity3.isPair(item))
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
    var identity3 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity3.isMap(map2))
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
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity3.SEQ, schema);
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
        return !keepScalar && identity3.isScalar(it) ? it.value : it;
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
        if (identity3.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
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
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity3.isScalar(key) ? key.value : key;
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
    var identity3 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity3.isSeq(seq2))
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
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i2 = n2.indexOf(".");
        if (i2 < 0) {
          i2 = n2.length;
          n2 += ".";
        }
        let d = minFractionDigits - (n2.length - i2 - 1);
        while (d-- > 0)
          n2 += "0";
      }
      return n2;
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
          for (let i2 = 0; i2 < str.length; ++i2)
            buffer[i2] = str.charCodeAt(i2);
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
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str.length / lineWidth);
          const lines = new Array(n2);
          for (let i2 = 0, o2 = 0; i2 < n2; ++i2, o2 += lineWidth) {
            lines[i2] = str.substr(o2, lineWidth);
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
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity3.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity3.isPair(item))
            continue;
          else if (identity3.isMap(item)) {
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
          seq.items[i2] = identity3.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
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
    var identity3 = require_identity();
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
          if (identity3.isPair(pair)) {
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
          if (identity3.isScalar(key)) {
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
        const n3 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str, radix);
      return sign === "-" ? -1 * n2 : n2;
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
    var identity3 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity3.isPair(key))
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
        return !keepPair && identity3.isPair(pair) ? identity3.isScalar(pair.key) ? pair.key.value : pair.key : pair;
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
        if (identity3.isMap(map)) {
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
      const num = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n2) => n2;
      if (typeof value === "bigint")
        num = (n2) => BigInt(n2);
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
      return sign + parts.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
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
    var identity3 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a2, b) => a2.key < b.key ? -1 : a2.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity3.MAP, { value: map.map });
        Object.defineProperty(this, identity3.SCALAR, { value: string.string });
        Object.defineProperty(this, identity3.SEQ, { value: seq.seq });
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
    var identity3 = require_identity();
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
        if (identity3.isNode(doc.contents)) {
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
    var identity3 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document2 = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.DOC });
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
          [identity3.NODE_TYPE]: { value: identity3.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity3.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
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
      addIn(path10, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path10, value);
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
        if (flow && identity3.isCollection(node))
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
      deleteIn(path10) {
        if (Collection.isEmptyPath(path10)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path10) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity3.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        if (Collection.isEmptyPath(path10))
          return !keepScalar && identity3.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity3.isCollection(this.contents) ? this.contents.getIn(path10, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity3.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path10) {
        if (Collection.isEmptyPath(path10))
          return this.contents !== void 0;
        return identity3.isCollection(this.contents) ? this.contents.hasIn(path10) : false;
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
      setIn(path10, value) {
        if (Collection.isEmptyPath(path10)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path10), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path10, value);
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
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
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
      if (identity3.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document2;
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
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
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
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
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
    var identity3 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a2, b) => a2 === b || identity3.isScalar(a2) && identity3.isScalar(b) && a2.value === b.value;
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
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
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
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
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
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
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
        let sep2 = "";
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
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
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
    var identity3 = require_identity();
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
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
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
        if (i2 === 0) {
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
              if (identity3.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
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
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
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
              if (sep2)
                for (const st of sep2) {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
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
    var identity3 = require_identity();
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
      const node = identity3.isNode(res) ? res : new Scalar.Scalar(res);
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
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent2, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header2.indent === 0)
            trimIndent = indent2.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent2, content] = lines[i2];
        offset += indent2.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent2.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent2.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent2.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent2.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value += "\n" + lines[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent2 && n2)
            indent2 = n2;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
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
      return { mode, indent: indent2, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split.length; i2 += 2)
        lines.push([split[i2], split[i2 + 1]]);
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
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
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
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity3.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity3.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity3.isScalar(res) ? res : new Scalar.Scalar(res);
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
        return schema[identity3.SCALAR];
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
      return schema[identity3.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity3.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity3.SCALAR];
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
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
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
    var identity3 = require_identity();
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
      if (atKey && ctx.options.stringKeys && (!identity3.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
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
    var Document2 = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document2.Document(void 0, opts);
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
    var Document2 = require_Document();
    var errors = require_errors();
    var identity3 = require_identity();
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
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
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
          } else if (identity3.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity3.isPair(it))
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
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
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
          const doc = new Document2.Document(void 0, opts);
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
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
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
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body });
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
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
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
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
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
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path10) => {
      let item = cst;
      for (const [field, index] of path10) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path10) => {
      const parent = visit.itemAtPath(cst, path10.slice(0, -1));
      const field = path10[path10.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path10, item, visitor) {
      let ctrl = visitor(item, path10);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path10.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path10);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path10) : ctrl;
    }
    exports.visit = visit;
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
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
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
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
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
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n2);
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
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line[n2]) {
          case "#":
            yield* this.pushCount(line.length - n2);
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
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n2);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n2 = 0;
        while (line[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n2);
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
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
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
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
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
        let indent2 = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i3;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
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
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
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
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent2 > lastChar)
              nl = i3;
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
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
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
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
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
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i2 - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i2;
        }
        return n2;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
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
      for (let i2 = 0; i2 < list.length; ++i2)
        if (list[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i2 = 0; i2 < list.length; ++i2) {
        switch (list[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
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
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
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
      peek(n2) {
        return this.stack[this.stack.length - n2];
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
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
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
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
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
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
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
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
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
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
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
    var Document2 = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity3 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
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
    function parseDocument2(source, options = {}) {
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
      const doc = parseDocument2(src, options);
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
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity3.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document2.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document2.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity3.isAlias;
    exports.isCollection = identity3.isCollection;
    exports.isDocument = identity3.isDocument;
    exports.isMap = identity3.isMap;
    exports.isNode = identity3.isNode;
    exports.isPair = identity3.isPair;
    exports.isScalar = identity3.isScalar;
    exports.isSeq = identity3.isSeq;
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
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/livepatch/payload.ts
import { basename } from "node:path";

// src/elf/constants.ts
var ELFCLASS64 = 2;
var ELFDATA2LSB = 1;
var EV_CURRENT = 1;
var ELFOSABI_NONE = 0;
var ELFOSABI_FREEBSD = 9;
var ET_REL = 1;
var EM_X86_64 = 62;
var ELF64_EHDR_SIZE = 64;
var ELF64_SHDR_SIZE = 64;
var ELF64_SYM_SIZE = 24;
var ELF64_RELA_SIZE = 24;
var SHT_PROGBITS = 1;
var SHT_SYMTAB = 2;
var SHT_STRTAB = 3;
var SHT_RELA = 4;
var SHT_NOBITS = 8;
var SHT_REL = 9;
var SHF_WRITE = 1;
var SHF_ALLOC = 2;
var SHF_EXECINSTR = 4;
var SHF_MERGE = 16;
var SHF_STRINGS = 32;
var SHN_UNDEF = 0;
var SHN_LORESERVE = 65280;
var SHN_ABS = 65521;
var SHN_COMMON = 65522;
var STB_LOCAL = 0;
var STT_OBJECT = 1;
var STT_FUNC = 2;
var STT_SECTION = 3;
var STT_FILE = 4;
var STN_UNDEF = 0;
var R_X86_64_NONE = 0;
var R_X86_64_64 = 1;
var R_X86_64_PC32 = 2;
var R_X86_64_PLT32 = 4;
var NT_GNU_BUILD_ID = 3;
var relocationTypeNames = {
  0: "R_X86_64_NONE",
  1: "R_X86_64_64",
  2: "R_X86_64_PC32",
  3: "R_X86_64_GOT32",
  4: "R_X86_64_PLT32",
  5: "R_X86_64_COPY",
  6: "R_X86_64_GLOB_DAT",
  7: "R_X86_64_JUMP_SLOT",
  8: "R_X86_64_RELATIVE",
  9: "R_X86_64_GOTPCREL",
  10: "R_X86_64_32",
  11: "R_X86_64_32S",
  12: "R_X86_64_16",
  13: "R_X86_64_PC16",
  14: "R_X86_64_8",
  15: "R_X86_64_PC8",
  24: "R_X86_64_PC64",
  41: "R_X86_64_GOTPCRELX",
  42: "R_X86_64_REX_GOTPCRELX"
};
function relocationTypeName(type) {
  return relocationTypeNames[type] ?? `type ${type}`;
}

// src/elf/reader.ts
import { readFile, stat } from "node:fs/promises";

// src/util/errors.ts
var ConfigurationError = class extends Error {
  constructor(input, message, options) {
    super(`${input}: ${message}`, options);
    this.input = input;
  }
  input;
  name = "ConfigurationError";
};
var ConfigurationErrors = class _ConfigurationErrors extends ConfigurationError {
  constructor(problems) {
    super(problems[0].input, "");
    this.problems = problems;
    this.message = problems.map((p) => p.message).join("\n");
  }
  problems;
  name = "ConfigurationErrors";
  /** Nothing for no mistakes, the mistake itself for one, all of them together for more. */
  static of(problems) {
    if (problems.length <= 1) return problems[0];
    return new _ConfigurationErrors(problems);
  }
};
var InputFileError = class extends Error {
  constructor(file, message) {
    super(`${file}: ${message}`);
    this.file = file;
  }
  file;
  name = "InputFileError";
};

// src/elf/reader.ts
var ElfFormatError = class extends Error {
  constructor(file, problem) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
  file;
  problem;
  name = "ElfFormatError";
};
var toNumber = (v) => Number(v);
function cStringAt(bytes, start, end) {
  if (start < 0 || start >= end) return "";
  let stop = bytes.indexOf(0, start);
  if (stop < 0 || stop > end) stop = end;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start).toString("latin1");
}
var ElfFile = class {
  constructor(file, bytes) {
    this.file = file;
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.header = this.readHeader();
    this.sections = this.readSections();
  }
  file;
  bytes;
  header;
  sections;
  view;
  symbolCache;
  /** True when the section's bytes lie inside the file (NOBITS sections have none). */
  inBounds(section) {
    if (section.type === SHT_NOBITS) return true;
    return section.offset <= this.bytes.length && section.size <= this.bytes.length - section.offset;
  }
  /** The section's bytes (empty for NOBITS); ElfFormatError when they lie outside the file. */
  data(section) {
    if (section.type === SHT_NOBITS) return new Uint8Array(0);
    if (!this.inBounds(section)) {
      throw this.error(
        `section [${section.index}] ${section.name || "(unnamed)"} data (offset ${section.offset}, size ${section.size}) lies outside the file (${this.bytes.length} bytes)`
      );
    }
    return this.bytes.subarray(section.offset, section.offset + section.size);
  }
  section(index) {
    return this.sections[index];
  }
  sectionsNamed(name) {
    return this.sections.filter((s) => s.index > 0 && s.name === name);
  }
  sectionNamed(name) {
    return this.sections.find((s) => s.index > 0 && s.name === name);
  }
  symbolTables() {
    return this.sections.filter((s) => s.type === SHT_SYMTAB);
  }
  /** The symbols of the (first) symbol table; ElfFormatError when it is unusable. */
  symbols() {
    if (this.symbolCache) return this.symbolCache;
    const symtab = this.symbolTables()[0];
    if (!symtab) throw this.error("no symbol table");
    if (symtab.entsize < ELF64_SYM_SIZE || symtab.size % symtab.entsize !== 0) {
      throw this.error(
        `symbol table entry size ${symtab.entsize} / size ${symtab.size} is corrupted`
      );
    }
    this.data(symtab);
    const strtab = this.sections[symtab.link];
    if (!strtab || symtab.link === 0)
      throw this.error(`symbol table links to section ${symtab.link}, which does not exist`);
    const strings = this.data(strtab);
    const count2 = symtab.size / symtab.entsize;
    const symbols = [];
    for (let i2 = 0; i2 < count2; i2++) {
      const at2 = symtab.offset + i2 * symtab.entsize;
      const nameOffset = this.view.getUint32(at2, true);
      const info = this.bytes[at2 + 4] ?? 0;
      symbols.push({
        index: i2,
        name: cStringAt(strings, nameOffset, strings.length),
        nameOffset,
        bind: info >> 4,
        type: info & 15,
        visibility: (this.bytes[at2 + 5] ?? 0) & 3,
        shndx: this.view.getUint16(at2 + 6, true),
        value: this.view.getBigUint64(at2 + 8, true),
        size: toNumber(this.view.getBigUint64(at2 + 16, true)),
        entryOffset: at2
      });
    }
    this.symbolCache = symbols;
    return symbols;
  }
  /** The entries of a SHT_RELA section; ElfFormatError when its header is corrupted. */
  relocations(section) {
    if (section.entsize < ELF64_RELA_SIZE || section.size % section.entsize !== 0) {
      throw this.error(
        `relocation section [${section.index}] ${section.name} has entry size ${section.entsize} and size ${section.size}`
      );
    }
    this.data(section);
    const count2 = section.size / section.entsize;
    const entries = [];
    for (let i2 = 0; i2 < count2; i2++) {
      const at2 = section.offset + i2 * section.entsize;
      const info = this.view.getBigUint64(at2 + 8, true);
      entries.push({
        index: i2,
        offset: this.view.getBigUint64(at2, true),
        symbolIndex: Number(info >> 32n),
        type: Number(info & 0xffffffffn),
        addend: this.view.getBigInt64(at2 + 16, true),
        entryOffset: at2
      });
    }
    return entries;
  }
  /** The ELF notes in a section's bytes; ElfFormatError when one runs past the section. */
  notes(section) {
    return parseNotes(
      this.data(section),
      (problem) => this.error(`section [${section.index}] ${section.name}: ${problem}`)
    );
  }
  error(problem) {
    return new ElfFormatError(this.file, problem);
  }
  readHeader() {
    const b = this.bytes;
    if (b.length < 16 || b[0] !== 127 || b[1] !== 69 || b[2] !== 76 || b[3] !== 70) {
      throw this.error("not an ELF file (no \\x7fELF magic)");
    }
    if (b[4] !== ELFCLASS64) throw this.error(`not a 64-bit ELF file (EI_CLASS ${b[4]})`);
    if (b[5] !== ELFDATA2LSB) throw this.error(`not a little-endian ELF file (EI_DATA ${b[5]})`);
    if (b.length < ELF64_EHDR_SIZE) {
      throw this.error(`truncated: ${b.length} bytes, shorter than the 64-byte ELF header`);
    }
    const v = this.view;
    return {
      class: b[4],
      data: b[5],
      identVersion: b[6] ?? 0,
      osabi: b[7] ?? 0,
      abiversion: b[8] ?? 0,
      type: v.getUint16(16, true),
      machine: v.getUint16(18, true),
      version: v.getUint32(20, true),
      phoff: toNumber(v.getBigUint64(32, true)),
      shoff: toNumber(v.getBigUint64(40, true)),
      flags: v.getUint32(48, true),
      ehsize: v.getUint16(52, true),
      phentsize: v.getUint16(54, true),
      phnum: v.getUint16(56, true),
      shentsize: v.getUint16(58, true),
      shnum: v.getUint16(60, true),
      shstrndx: v.getUint16(62, true)
    };
  }
  readSections() {
    const h2 = this.header;
    if (h2.shnum === 0) return [];
    if (h2.shentsize < ELF64_SHDR_SIZE) {
      throw this.error(
        `section header entry size ${h2.shentsize} is smaller than ${ELF64_SHDR_SIZE}`
      );
    }
    const tableEnd = h2.shoff + h2.shnum * h2.shentsize;
    if (h2.shoff < ELF64_EHDR_SIZE || tableEnd > this.bytes.length) {
      throw this.error(
        `section header table (offset ${h2.shoff}, ${h2.shnum} entries of ${h2.shentsize} bytes) lies outside the file (${this.bytes.length} bytes)`
      );
    }
    const v = this.view;
    const raw = [];
    for (let i2 = 0; i2 < h2.shnum; i2++) {
      const at2 = h2.shoff + i2 * h2.shentsize;
      raw.push({
        index: i2,
        nameOffset: v.getUint32(at2, true),
        type: v.getUint32(at2 + 4, true),
        flags: Number(v.getBigUint64(at2 + 8, true) & 0xffffffffn),
        addr: v.getBigUint64(at2 + 16, true),
        offset: toNumber(v.getBigUint64(at2 + 24, true)),
        size: toNumber(v.getBigUint64(at2 + 32, true)),
        link: v.getUint32(at2 + 40, true),
        info: v.getUint32(at2 + 44, true),
        addralign: v.getBigUint64(at2 + 48, true),
        entsize: toNumber(v.getBigUint64(at2 + 56, true)),
        headerOffset: at2
      });
    }
    const names = raw[h2.shstrndx];
    let strings;
    if (names && h2.shstrndx !== 0 && names.type !== SHT_NOBITS) {
      const inFile = names.offset <= this.bytes.length && names.size <= this.bytes.length - names.offset;
      if (inFile) strings = this.bytes.subarray(names.offset, names.offset + names.size);
    }
    return raw.map((s) => ({
      ...s,
      name: strings ? cStringAt(strings, s.nameOffset, strings.length) : ""
    }));
  }
};
function parseNotes(data, fail) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const notes = [];
  const align42 = (n2) => n2 + 3 & ~3;
  let at2 = 0;
  while (at2 < data.length) {
    if (data.length - at2 < 12)
      throw fail(
        `note at offset ${at2} is truncated (${data.length - at2} bytes left, header needs 12)`
      );
    const namesz = view.getUint32(at2, true);
    const descsz = view.getUint32(at2 + 4, true);
    const type = view.getUint32(at2 + 8, true);
    const nameStart = at2 + 12;
    const descStart = nameStart + align42(namesz);
    const end = descStart + descsz;
    if (namesz > data.length || descsz > data.length || end > data.length) {
      throw fail(
        `note at offset ${at2} (name ${namesz} bytes, descriptor ${descsz} bytes) runs past the section`
      );
    }
    notes.push({
      name: cStringAt(data, nameStart, nameStart + namesz),
      type,
      desc: data.subarray(descStart, end)
    });
    at2 = align42(end);
  }
  return notes;
}
function parseElf(bytes, file) {
  return new ElfFile(file, bytes);
}
async function readElfFile(path10, maxBytes = 256 * 1024 * 1024) {
  let size;
  try {
    const info = await stat(path10);
    if (!info.isFile()) throw new InputFileError(path10, "not a regular file");
    size = info.size;
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(path10, `cannot read: ${e.message}`);
  }
  if (size > maxBytes) {
    throw new InputFileError(
      path10,
      `is ${size} bytes, larger than the ${maxBytes}-byte limit for this kind of file`
    );
  }
  const bytes = new Uint8Array(await readFile(path10));
  return parseElf(bytes, path10);
}

// src/livepatch/notes.ts
var NOTE_HEADER_SIZE = 12;
var hex = (bytes) => Buffer.from(bytes).toString("hex");
function readGnuBuildId(elf, name) {
  const all = elf.sectionsNamed(name);
  const section = all[0];
  if (!section) return { status: "missing" };
  const duplicates = all.length - 1;
  if (section.size === 0) return { status: "empty", section, duplicates };
  const invalid = (problem) => ({
    status: "invalid",
    section,
    problem,
    duplicates
  });
  if (!elf.inBounds(section)) return invalid("its data lies outside the file");
  const data = elf.data(section);
  if (data.length <= NOTE_HEADER_SIZE)
    return invalid(`${data.length} bytes is too small for a note`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const namesz = view.getUint32(0, true);
  const descsz = view.getUint32(4, true);
  const type = view.getUint32(8, true);
  if (type !== NT_GNU_BUILD_ID) return invalid(`note type is ${type}, not NT_GNU_BUILD_ID (3)`);
  if (namesz < 4) return invalid(`note name size ${namesz} is shorter than "GNU\\0"`);
  if (namesz + descsz > data.length - NOTE_HEADER_SIZE) {
    return invalid(
      `note name (${namesz}) and descriptor (${descsz}) run past the section (${data.length} bytes)`
    );
  }
  const noteName = Buffer.from(data.subarray(NOTE_HEADER_SIZE, NOTE_HEADER_SIZE + namesz));
  if (noteName.subarray(0, 4).toString("latin1") !== "GNU\0")
    return invalid(`note name is not "GNU"`);
  const descStart = NOTE_HEADER_SIZE + (namesz + 3 & ~3);
  if (descsz === 0) return invalid("the build-id is empty");
  if (descStart + descsz > data.length) return invalid("the build-id runs past the section");
  return {
    status: "ok",
    section,
    id: hex(data.subarray(descStart, descStart + descsz)),
    duplicates
  };
}

// src/livepatch/payload.ts
var LIVEPATCH_FUNC_SIZE = 104;
var LIVEPATCH_PAYLOAD_VERSION = 2;
var FUNC_OFFSET = {
  name: 0,
  newAddr: 8,
  oldAddr: 16,
  newSize: 24,
  oldSize: 28,
  version: 32,
  expect: 72,
  expectData: 73
};
var EXPECT_DATA_SIZE = 31;
var LIVEPATCH_MAX_SIZE = 2 * 1024 * 1024;
var LIVEPATCH_NAME_SIZE = 128;
var SECTION = {
  funcs: ".livepatch.funcs",
  depends: ".livepatch.depends",
  xenDepends: ".livepatch.xen_depends",
  buildId: ".note.gnu.build-id",
  modinfo: ".modinfo"
};
var HOOK_SECTIONS = {
  ".livepatch.hooks.load": "multi",
  ".livepatch.hooks.unload": "multi",
  ".livepatch.hooks.preapply": "single",
  ".livepatch.hooks.apply": "single",
  ".livepatch.hooks.postapply": "single",
  ".livepatch.hooks.prerevert": "single",
  ".livepatch.hooks.revert": "single",
  ".livepatch.hooks.postrevert": "single"
};
var Payload = class _Payload {
  constructor(elf) {
    this.elf = elf;
    this.name = basename(elf.file).replace(/\.livepatch$/, "");
  }
  elf;
  /** The name the payload is uploaded under: the file name without `.livepatch`. */
  name;
  relaByTarget;
  static async load(path10) {
    return new _Payload(await readElfFile(path10, 64 * 1024 * 1024));
  }
  get file() {
    return this.elf.file;
  }
  get buildId() {
    return readGnuBuildId(this.elf, SECTION.buildId);
  }
  get depends() {
    return readGnuBuildId(this.elf, SECTION.depends);
  }
  get xenDepends() {
    return readGnuBuildId(this.elf, SECTION.xenDepends);
  }
  /** SHT_RELA sections whose target is the given section (sh_info). */
  relocationSectionsFor(target) {
    if (!this.relaByTarget) {
      this.relaByTarget = /* @__PURE__ */ new Map();
      for (const s of this.elf.sections) {
        if (s.type !== SHT_RELA) continue;
        const list = this.relaByTarget.get(s.info) ?? [];
        list.push(s);
        this.relaByTarget.set(s.info, list);
      }
    }
    return this.relaByTarget.get(target.index) ?? [];
  }
  /** The relocation that fills the 8 bytes at `offset` of `section`, if any. */
  pointerAt(section, offset) {
    const data = this.elf.data(section);
    const raw = offset + 8 <= data.length ? new DataView(data.buffer, data.byteOffset).getBigUint64(offset, true) : 0n;
    for (const relaSection of this.relocationSectionsFor(section)) {
      let entries;
      try {
        entries = this.elf.relocations(relaSection);
      } catch {
        continue;
      }
      const rela = entries.find((r) => r.offset === BigInt(offset));
      if (rela) {
        const symbol = this.elf.symbols()[rela.symbolIndex];
        return symbol ? { raw, rela, symbol } : { raw, rela };
      }
    }
    return { raw };
  }
  /** The defined section a symbol lives in, if it is a regular one. */
  symbolSection(symbol) {
    if (symbol.shndx === SHN_UNDEF || symbol.shndx >= SHN_LORESERVE) return void 0;
    return this.elf.section(symbol.shndx);
  }
  /** Follows a pointer to a NUL-terminated string inside the payload. */
  stringAt(pointer) {
    if (!pointer.symbol || !pointer.rela) return void 0;
    const section = this.symbolSection(pointer.symbol);
    if (!section || !this.elf.inBounds(section)) return void 0;
    const start = pointer.symbol.value + pointer.rela.addend;
    if (start < 0n || start >= BigInt(section.size)) return void 0;
    const data = this.elf.data(section);
    return cStringAt(data, Number(start), data.length);
  }
  /** The `.livepatch.funcs` entries (whole 104-byte entries only). */
  funcs() {
    const section = this.elf.sectionNamed(SECTION.funcs);
    if (!section || !this.elf.inBounds(section)) return [];
    const data = this.elf.data(section);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const entries = [];
    const count2 = Math.floor(data.length / LIVEPATCH_FUNC_SIZE);
    for (let i2 = 0; i2 < count2; i2++) {
      const at2 = i2 * LIVEPATCH_FUNC_SIZE;
      const namePointer = this.pointerAt(section, at2 + FUNC_OFFSET.name);
      const expectByte = data[at2 + FUNC_OFFSET.expect] ?? 0;
      entries.push({
        index: i2,
        offset: at2,
        name: this.stringAt(namePointer),
        namePointer,
        newAddr: this.pointerAt(section, at2 + FUNC_OFFSET.newAddr),
        oldAddr: this.pointerAt(section, at2 + FUNC_OFFSET.oldAddr),
        newSize: view.getUint32(at2 + FUNC_OFFSET.newSize, true),
        oldSize: view.getUint32(at2 + FUNC_OFFSET.oldSize, true),
        version: data[at2 + FUNC_OFFSET.version] ?? 0,
        expect: {
          enabled: (expectByte & 1) === 1,
          len: expectByte >> 1 & 31,
          reserved: expectByte >> 6,
          data: data.subarray(
            at2 + FUNC_OFFSET.expectData,
            at2 + FUNC_OFFSET.expectData + EXPECT_DATA_SIZE
          )
        }
      });
    }
    return entries;
  }
  /** Hook sections present, with their pointers. */
  hooks() {
    const result = [];
    for (const [name, kind] of Object.entries(HOOK_SECTIONS)) {
      const section = this.elf.sectionNamed(name);
      if (!section || !this.elf.inBounds(section)) continue;
      const pointers = [];
      for (let at2 = 0; at2 + 8 <= section.size; at2 += 8) pointers.push(this.pointerAt(section, at2));
      result.push({ section, kind, pointers });
    }
    return result;
  }
  /** `.modinfo` as `key=value` strings; undefined when the payload has none. */
  modinfo() {
    const section = this.elf.sectionNamed(SECTION.modinfo);
    if (!section || !this.elf.inBounds(section)) return void 0;
    const data = this.elf.data(section);
    const text = Buffer.from(data).toString("latin1");
    const entries = text.split("\0").filter((s) => s.length > 0).map((s) => {
      const eq = s.indexOf("=");
      return eq > 0 ? { key: s.slice(0, eq), value: s.slice(eq + 1), wellFormed: true } : { key: s, value: "", wellFormed: false };
    });
    return { entries, terminated: data.length > 0 && data[data.length - 1] === 0 };
  }
  /**
   * Symbols the hypervisor adds to its table when the payload loads (build_symbol_table):
   * named symbols of allocated sections, except `.L` labels in mergeable sections.
   */
  loadedSymbols() {
    return this.elf.symbols().filter((sym) => {
      if (sym.index === 0 || !sym.name) return false;
      const section = this.symbolSection(sym);
      if (!section || (section.flags & SHF_ALLOC) === 0) return false;
      return !((section.flags & SHF_MERGE) !== 0 && sym.name.startsWith(".L"));
    });
  }
  /**
   * The loaded symbols that are new (not the replacement of a patched function): the ones
   * later payloads may resolve against, and that must not clash with existing names.
   */
  newSymbols() {
    const replacements2 = new Set(
      this.funcs().filter((f) => f.newAddr.symbol && f.newAddr.rela).map(
        (f) => locationKey(f.newAddr.symbol.shndx, f.newAddr.symbol.value + f.newAddr.rela.addend)
      )
    );
    return this.loadedSymbols().filter(
      (sym) => !replacements2.has(locationKey(sym.shndx, sym.value))
    );
  }
};
var locationKey = (shndx, value) => `${shndx}:${value}`;

// src/livepatch/xen-syms.ts
function runtimeSymbolTable(elf) {
  const table = /* @__PURE__ */ new Map();
  let file;
  for (const sym of elf.symbols()) {
    if (sym.index === 0) continue;
    if (sym.type === STT_FILE) {
      file = sym.name || void 0;
      continue;
    }
    if (sym.shndx === SHN_UNDEF || sym.shndx === SHN_ABS || sym.type === STT_SECTION || !sym.name)
      continue;
    const name = sym.bind === STB_LOCAL && file ? `${file}#${sym.name}` : sym.name;
    if (!table.has(name))
      table.set(name, { name, value: sym.value, size: sym.size, type: sym.type });
  }
  return table;
}
var BUILD_INFO_FUNCTIONS = [
  "xen_compile_date",
  "xen_compile_time",
  "xen_compile_by",
  "xen_compile_domain",
  "xen_compile_host",
  "xen_compiler",
  "xen_changeset",
  "xen_extra_version",
  "xen_compile_system_distribution",
  "xen_compile_system_maintainer_local",
  "xen_compile_system_maintainer_domain",
  "xen_compile_system_version"
];
function readBuildInfo(address, bytesAt) {
  const info = {};
  for (const fn of BUILD_INFO_FUNCTIONS) {
    const at0 = address(fn);
    const code = at0 !== void 0 ? bytesAt(at0, 11) : void 0;
    if (at0 === void 0 || !code) continue;
    const at2 = code[0] === 243 && code[1] === 15 && code[2] === 30 && code[3] === 250 ? 4 : 0;
    if (code.length < at2 + 7 || code[at2] !== 72 || code[at2 + 1] !== 141 || code[at2 + 2] !== 5)
      continue;
    const disp = new DataView(code.buffer, code.byteOffset + at2 + 3, 4).getInt32(0, true);
    const text = bytesAt(at0 + BigInt(at2 + 7 + disp), 256);
    if (!text) continue;
    const end = text.indexOf(0);
    info[fn] = Buffer.from(text.subarray(0, end < 0 ? text.length : end)).toString("latin1");
  }
  return info;
}
var XenSyms = class _XenSyms {
  constructor(elf) {
    this.elf = elf;
    const note = readGnuBuildId(elf, ".note.gnu.build-id");
    this.buildId = note.status === "ok" ? note.id : void 0;
    this.symbols = runtimeSymbolTable(elf);
  }
  elf;
  buildId;
  symbols;
  static async load(path10) {
    return new _XenSyms(await readElfFile(path10, 1024 * 1024 * 1024));
  }
  get file() {
    return this.elf.file;
  }
  lookup(name) {
    return this.symbols.get(name);
  }
  /** The build values the hypervisor embeds (compile.h), by function; see readBuildInfo. */
  buildInfo() {
    return readBuildInfo(
      (name) => this.lookup(name)?.value,
      (address, length) => this.bytesAt(address, length)
    );
  }
  /** Up to `length` bytes of the image at a virtual address; undefined outside loaded data. */
  bytesAt(address, length) {
    for (const s of this.elf.sections) {
      if (s.type === SHT_NOBITS || s.addr === 0n || !this.elf.inBounds(s)) continue;
      if (address < s.addr || address >= s.addr + BigInt(s.size)) continue;
      const start = Number(address - s.addr);
      return this.elf.data(s).subarray(start, Math.min(start + length, s.size));
    }
    return void 0;
  }
};

// src/verify/rules.ts
var rule = (id, severity, loader, title, basis) => ({ id, severity, loader, title, basis });
var ELF = "xen/common/livepatch_elf.c";
var LP = "xen/common/livepatch.c";
var ARCH = "xen/arch/x86/livepatch.c";
var LBT = "livepatch-build-tools";
var RULES = [
  // The file as an ELF object.
  rule(
    "elf-malformed",
    "error",
    "refuses-upload",
    "The file cannot be read as an ELF64 little-endian object",
    ELF
  ),
  rule(
    "elf-header",
    "error",
    "refuses-upload",
    "ELF header field the loader refuses (class, machine, type, version, OS ABI, program headers, section table)",
    ELF
  ),
  rule(
    "payload-too-large",
    "error",
    "refuses-upload",
    "Payload larger than LIVEPATCH_MAX_SIZE (2 MiB)",
    LP
  ),
  rule(
    "payload-name",
    "error",
    "refuses-upload",
    "Payload name longer than XEN_LIVEPATCH_NAME_SIZE - 1 (127) bytes",
    LP
  ),
  rule(
    "section-bounds",
    "error",
    "refuses-upload",
    "Section data outside the file or overlapping the ELF header",
    ELF
  ),
  rule(
    "section-alignment",
    "error",
    "refuses-upload",
    "Section alignment not a power of two, or address not aligned",
    ELF
  ),
  rule(
    "section-write-exec",
    "error",
    "refuses-upload",
    "Allocated section both writable and executable",
    LP
  ),
  rule(
    "section-rel",
    "error",
    "refuses-upload",
    "SHT_REL relocation section (x86-64 payloads must use SHT_RELA)",
    ARCH
  ),
  rule(
    "symtab-invalid",
    "error",
    "refuses-upload",
    "Symbol table missing, duplicated, corrupted, or its string table unusable",
    ELF
  ),
  rule(
    "symbol-section-index",
    "error",
    "refuses-upload",
    "Symbol in a reserved or non-existent section",
    ELF
  ),
  rule(
    "symbol-common",
    "error",
    "refuses-upload",
    "SHN_COMMON symbol (compile with -fno-common)",
    ELF
  ),
  rule(
    "symbol-unresolved",
    "error",
    "refuses-upload",
    "Undefined symbol that neither the hypervisor nor an earlier payload provides (a nameless one never resolves)",
    ELF
  ),
  rule(
    "symbol-undefined-local",
    "error",
    "accepts",
    "Undefined LOCAL symbol: Xen 4.17 resolves a named one like a global, possibly to an unrelated symbol",
    `${LBT} 378f84dbb099`
  ),
  rule(
    "symbol-duplicate",
    "error",
    "refuses-upload",
    "New symbol whose name the hypervisor or an earlier payload already has",
    LP
  ),
  // Relocations.
  rule(
    "rela-header",
    "error",
    "refuses-upload",
    "Relocation section with a corrupted entry size",
    ELF
  ),
  rule(
    "rela-link",
    "error",
    "refuses-upload",
    "Relocation section not linked to the symbol table",
    ELF
  ),
  rule(
    "rela-symbol-zero",
    "error",
    "refuses-upload",
    "Relocation against symbol index 0 (STN_UNDEF)",
    `${ARCH}; ${LBT} 378f84dbb099`
  ),
  rule(
    "rela-symbol-range",
    "error",
    "refuses-upload",
    "Relocation against a symbol index past the symbol table",
    ARCH
  ),
  rule(
    "rela-type",
    "error",
    "refuses-upload",
    "Relocation type the hypervisor does not handle (only NONE, 64, PC32, PLT32)",
    ARCH
  ),
  rule(
    "rela-offset",
    "error",
    "refuses-upload",
    "Relocation offset outside its target section",
    ARCH
  ),
  rule(
    "rela-ignored-section",
    "error",
    "refuses-upload",
    "Relocation against a symbol in a section the loader ignores (not allocated)",
    `${ARCH}; ${LBT} 14b3b4699692`
  ),
  // Read-only data.
  rule(
    "rodata-unreferenced",
    "warning",
    "accepts",
    "Read-only data section that nothing references",
    `${LBT} 854a7ca60e35`
  ),
  rule(
    "rodata-duplicate",
    "warning",
    "accepts",
    "String or data content an earlier payload of the stack already carries",
    `${LBT} dabc4e9fa87c`
  ),
  // Livepatch sections and notes.
  rule(
    "section-missing",
    "error",
    "refuses-upload",
    "Required section missing (.note.gnu.build-id, .livepatch.depends, .livepatch.xen_depends)",
    LP
  ),
  rule(
    "section-empty",
    "error",
    "refuses-upload",
    "Required or patching section present but empty",
    LP
  ),
  rule(
    "section-duplicate",
    "error",
    "accepts",
    "Required or patching section present more than once (Xen 4.17 silently uses the first)",
    LP
  ),
  rule(
    "nothing-to-patch",
    "error",
    "refuses-upload",
    "Neither .livepatch.funcs nor any hook section",
    LP
  ),
  rule(
    "note-invalid",
    "error",
    "refuses-upload",
    "Build-id note malformed (type, name, sizes)",
    "xen/common/version.c"
  ),
  rule(
    "xen-depends-mismatch",
    "error",
    "refuses-upload",
    ".livepatch.xen_depends is not the hypervisor's build-id",
    LP
  ),
  rule(
    "depends-mismatch",
    "error",
    "refuses-apply",
    ".livepatch.depends is not the build-id of the base or of the previous payload of the stack",
    LP
  ),
  rule(
    "build-id-duplicate",
    "error",
    "refuses-upload",
    "Build-id equal to an earlier payload's (the hypervisor refuses a second copy)",
    LP
  ),
  // .livepatch.funcs.
  rule(
    "funcs-size",
    "error",
    "refuses-upload",
    ".livepatch.funcs size not a multiple of 104 bytes",
    LP
  ),
  rule(
    "func-version",
    "error",
    "refuses-upload",
    "Function entry version is not LIVEPATCH_PAYLOAD_VERSION (2)",
    LP
  ),
  rule("func-old-size", "error", "refuses-upload", "Function entry old_size is 0", LP),
  rule(
    "func-name",
    "error",
    "refuses-upload",
    "Function entry name pointer cannot be followed to a string in the payload",
    LP
  ),
  rule(
    "func-unresolved",
    "error",
    "refuses-upload",
    "Function to patch not found in the hypervisor or an earlier payload",
    LP
  ),
  rule(
    "func-too-short",
    "error",
    "refuses-upload",
    "Function to patch shorter than the jump that replaces it (5 bytes, 9 with ENDBR64)",
    ARCH
  ),
  rule(
    "func-nop-size",
    "error",
    "refuses-upload",
    "NOP entry (no new function) with new_size over 31 or over old_size",
    ARCH
  ),
  rule(
    "func-old-size-overrun",
    "error",
    "accepts",
    "old_size larger than the function in xen-syms: patching or reverting would touch the next function",
    "xen-syms"
  ),
  rule(
    "expect-invalid",
    "error",
    "refuses-apply",
    "Expectation longer than old_size, or reserved bits set",
    LP
  ),
  rule(
    "expect-mismatch",
    "error",
    "refuses-apply",
    "Expected bytes differ from the old function's code in xen-syms",
    LP
  ),
  // Hooks, special sections, metadata.
  rule(
    "hook-size",
    "error",
    "refuses-upload",
    "Hook section size wrong (single hooks: one 8-byte pointer; load/unload: multiple of 8)",
    LP
  ),
  rule(
    "special-section-size",
    "error",
    "refuses-upload",
    "Size of .altinstructions, .ex_table or .bug_frames.N not a multiple of its entry",
    LP
  ),
  rule(
    "altinstr-incomplete",
    "error",
    "refuses-upload",
    ".altinstructions without .altinstr_replacement or without code",
    LP
  ),
  rule(
    "modinfo-format",
    "error",
    "refuses-upload",
    ".modinfo not a sequence of NUL-terminated strings",
    LP
  ),
  rule("modinfo-entry", "note", "accepts", ".modinfo string not of the form key=value", LP),
  // What could not be checked.
  rule(
    "not-checked",
    "note",
    "accepts",
    "A check that needs xen-syms or the stack was skipped",
    "verifier"
  )
];
var RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

// src/verify/verifier.ts
var PATCH_INSN_SIZE = 5;
var ENDBR64 = [243, 15, 30, 250];
var ENDBR64_POISON = [102, 15, 31, 1];
var SPECIAL_ENTRY_SIZE = {
  ".altinstructions": 14,
  ".ex_table": 8,
  ".bug_frames.0": 8,
  ".bug_frames.1": 8,
  ".bug_frames.2": 8,
  ".bug_frames.3": 8
};
var MAX_FINDINGS_PER_RULE = 25;
var FindingList = class {
  constructor(file) {
    this.file = file;
  }
  file;
  findings = [];
  counts = /* @__PURE__ */ new Map();
  add(ruleId, message, location = {}) {
    const count2 = (this.counts.get(ruleId) ?? 0) + 1;
    this.counts.set(ruleId, count2);
    if (count2 > MAX_FINDINGS_PER_RULE) return;
    const rule2 = RULE_BY_ID.get(ruleId);
    this.findings.push({ ruleId, severity: rule2.severity, message, file: this.file, location });
  }
  has(ruleId) {
    return this.counts.has(ruleId);
  }
  finish() {
    for (const [ruleId, count2] of this.counts) {
      if (count2 > MAX_FINDINGS_PER_RULE) {
        this.add(ruleId, `${count2 - MAX_FINDINGS_PER_RULE} more findings of this rule not listed`);
      }
    }
    return this.findings;
  }
};
var at = (section, extra = {}) => ({
  section: section.name,
  sectionIndex: section.index,
  ...extra
});
var sectionLabel = (s) => `${s.name || "(unnamed)"} [${s.index}]`;
var isAlloc = (s) => (s.flags & SHF_ALLOC) !== 0;
function verifyPayload(payload, target) {
  const out = new FindingList(payload.file);
  const check = new PayloadChecks(payload, target, out);
  check.all();
  return out.finish();
}
async function verifyFile(path10, target) {
  let payload;
  try {
    payload = await Payload.load(path10);
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
    return malformedFindings(path10, e);
  }
  return verifyPayload(payload, target);
}
function malformedFindings(file, error) {
  const out = new FindingList(file);
  out.add("elf-malformed", error.problem);
  return out.finish();
}
var PayloadChecks = class _PayloadChecks {
  constructor(payload, target, out) {
    this.payload = payload;
    this.target = target;
    this.out = out;
    this.elf = payload.elf;
  }
  payload;
  target;
  out;
  elf;
  /** Symbols, when the symbol table is usable. */
  symbols;
  notChecked = /* @__PURE__ */ new Set();
  all() {
    this.header();
    this.sections();
    this.symbolTable();
    this.relocations();
    this.requiredSections();
    this.patchingSections();
    this.buildIds();
    this.funcs();
    this.hooksAndSpecialSections();
    this.modinfo();
    this.newSymbols();
    this.rodataReferences();
    this.rodataDuplicates();
    for (const what2 of this.notChecked) {
      this.out.add(
        "not-checked",
        `${what2} not checked: ${this.target.xen ? "no earlier payloads given" : "no xen-syms given (--xen-syms)"}`
      );
    }
  }
  skip(what2) {
    this.notChecked.add(what2);
  }
  // livepatch_header_check() and arch_livepatch_verify_elf().
  header() {
    const h2 = this.elf.header;
    const bad = (what2) => this.out.add("elf-header", what2, { offset: 0 });
    if (h2.identVersion !== EV_CURRENT || h2.version !== EV_CURRENT)
      bad(`ELF version ${h2.version}/${h2.identVersion}, expected ${EV_CURRENT}`);
    if (h2.abiversion !== 0) bad(`EI_ABIVERSION is ${h2.abiversion}, expected 0`);
    if (h2.osabi !== ELFOSABI_NONE && h2.osabi !== ELFOSABI_FREEBSD)
      bad(`EI_OSABI is ${h2.osabi}, expected 0 (System V)`);
    if (h2.type !== ET_REL)
      bad(`e_type is ${h2.type}, expected ET_REL (1): a payload is a relocatable object (ld -r)`);
    if (h2.phnum !== 0) bad(`${h2.phnum} program headers, expected none`);
    if (h2.machine !== EM_X86_64) bad(`e_machine is ${h2.machine}, expected EM_X86_64 (62)`);
    if (h2.shstrndx === SHN_UNDEF) bad("no section name string table (e_shstrndx is 0)");
    if (h2.shnum >= 1024) bad(`${h2.shnum} sections, the hypervisor accepts fewer than 1024`);
    if (h2.shstrndx >= h2.shnum) bad(`e_shstrndx ${h2.shstrndx} is past the ${h2.shnum} sections`);
    const shstrtab = this.elf.section(h2.shstrndx);
    if (shstrtab && h2.shstrndx !== 0) {
      const problem = this.strtabProblem(shstrtab);
      if (problem) bad(`section name string table ${problem}`);
    }
    if (this.elf.bytes.length > LIVEPATCH_MAX_SIZE) {
      this.out.add(
        "payload-too-large",
        `${this.elf.bytes.length} bytes, over the hypervisor's limit of ${LIVEPATCH_MAX_SIZE}`
      );
    }
    const nameBytes = Buffer.byteLength(this.payload.name);
    if (nameBytes > LIVEPATCH_NAME_SIZE - 1) {
      this.out.add(
        "payload-name",
        `payload name "${this.payload.name}" is ${nameBytes} bytes; it must be at most ${LIVEPATCH_NAME_SIZE - 1}`
      );
    }
  }
  /** elf_verify_strtab(): a string table starts and ends with NUL. */
  strtabProblem(s) {
    if (s.type !== SHT_STRTAB) return `is not SHT_STRTAB (type ${s.type})`;
    if (s.size === 0) return "is empty";
    if (!this.elf.inBounds(s)) return "lies outside the file";
    const data = this.elf.data(s);
    if (data[0] !== 0 || data[data.length - 1] !== 0) return "does not start and end with NUL";
    return void 0;
  }
  // elf_resolve_sections() and move_payload().
  sections() {
    for (const s of this.elf.sections.slice(1)) {
      if (s.offset < ELF64_EHDR_SIZE) {
        this.out.add(
          "section-bounds",
          `section ${sectionLabel(s)} data offset ${s.offset} lies inside the ELF header`,
          at(s)
        );
      } else if (!this.elf.inBounds(s)) {
        this.out.add(
          "section-bounds",
          `section ${sectionLabel(s)} data (offset ${s.offset}, size ${s.size}) runs past the end of the file (${this.elf.bytes.length} bytes)`,
          at(s)
        );
      }
      if ((s.addralign & s.addralign - 1n) !== 0n) {
        this.out.add(
          "section-alignment",
          `section ${sectionLabel(s)} alignment ${s.addralign} is not a power of two`,
          at(s)
        );
      } else if (s.addralign !== 0n && s.addr % s.addralign !== 0n) {
        this.out.add(
          "section-alignment",
          `section ${sectionLabel(s)} address ${s.addr} is not aligned to ${s.addralign}`,
          at(s)
        );
      }
      if (s.type === SHT_NOBITS && (s.flags & (SHF_WRITE | SHF_ALLOC)) !== 0 && s.size > LIVEPATCH_MAX_SIZE) {
        this.out.add(
          "payload-too-large",
          `section ${sectionLabel(s)} reserves ${s.size} bytes, over the limit of ${LIVEPATCH_MAX_SIZE}`,
          at(s)
        );
      }
      if (isAlloc(s) && (s.flags & SHF_WRITE) !== 0 && (s.flags & SHF_EXECINSTR) !== 0) {
        this.out.add(
          "section-write-exec",
          `section ${sectionLabel(s)} is both writable and executable`,
          at(s)
        );
      }
    }
  }
  symbolTable() {
    const tables = this.elf.symbolTables();
    const bad = (message, s) => this.out.add("symtab-invalid", message, s ? at(s) : {});
    if (tables.length === 0) return bad("no symbol table (.symtab)");
    if (tables.length > 1)
      return bad(`${tables.length} symbol tables; the hypervisor supports one`, tables[1]);
    const symtab = tables[0];
    if (symtab.link >= this.elf.header.shnum || symtab.link === 0) {
      return bad(
        `symbol table links to string table section ${symtab.link}, which does not exist`,
        symtab
      );
    }
    if (symtab.size === 0 || symtab.entsize < ELF64_SYM_SIZE || symtab.size % symtab.entsize !== 0) {
      return bad(
        `symbol table header is corrupted (size ${symtab.size}, entry size ${symtab.entsize})`,
        symtab
      );
    }
    if (!this.elf.inBounds(symtab)) return;
    const strtab = this.elf.section(symtab.link);
    const problem = this.strtabProblem(strtab);
    if (problem) return bad(`symbol string table ${sectionLabel(strtab)} ${problem}`, strtab);
    this.symbols = this.elf.symbols();
    for (const sym of this.symbols.slice(1)) {
      if (sym.nameOffset >= strtab.size) {
        this.out.add(
          "symtab-invalid",
          `symbol ${sym.index} name offset ${sym.nameOffset} is past the string table`,
          at(symtab, { entry: sym.index })
        );
      }
      this.symbol(sym);
    }
  }
  // livepatch_elf_resolve_symbols().
  symbol(sym) {
    const where = { section: ".symtab", entry: sym.index, symbol: sym.name };
    if (sym.shndx === SHN_COMMON) {
      this.out.add(
        "symbol-common",
        `symbol ${sym.name} is a common symbol; build with -fno-common`,
        where
      );
    } else if (sym.shndx === SHN_UNDEF) {
      if (sym.bind === STB_LOCAL) {
        this.out.add(
          "symbol-undefined-local",
          `undefined LOCAL symbol ${sym.name || `#${sym.index}`}: a local symbol must be defined in the payload`,
          where
        );
      }
      if (!sym.name) {
        this.out.add(
          "symbol-unresolved",
          `undefined symbol #${sym.index} has no name: the hypervisor resolves undefined symbols by name and finds none`,
          where
        );
      } else if (!this.target.xen) {
        this.skip("symbol resolution");
      } else if (!this.resolvesOutside(sym.name)) {
        this.out.add(
          "symbol-unresolved",
          `undefined symbol ${sym.name} is neither in ${this.target.xen.file} nor exported by an earlier payload`,
          where
        );
      }
    } else if (sym.shndx !== SHN_ABS && (sym.shndx >= SHN_LORESERVE || sym.shndx >= this.elf.header.shnum)) {
      this.out.add(
        "symbol-section-index",
        `symbol ${sym.name || `#${sym.index}`} is in section ${sym.shndx}, which does not exist`,
        where
      );
    }
  }
  /** Whether the hypervisor's symbol lookup or an earlier payload's new symbols have `name`. */
  resolvesOutside(name) {
    return this.target.xen?.lookup(name) !== void 0 || this.stackExports().has(name);
  }
  stackExportCache;
  /** Names the earlier payloads add to the hypervisor's table, with the payload adding each. */
  stackExports() {
    if (!this.stackExportCache) {
      this.stackExportCache = /* @__PURE__ */ new Map();
      for (const earlier of this.target.stack) {
        for (const sym of safely(() => earlier.newSymbols(), []))
          this.stackExportCache.set(sym.name, earlier.file);
      }
    }
    return this.stackExportCache;
  }
  // livepatch_elf_perform_relocs() and arch_livepatch_perform_rela().
  relocations() {
    for (const r of this.elf.sections) {
      if (r.type !== SHT_RELA && r.type !== SHT_REL) continue;
      const base = this.elf.section(r.info);
      if (r.info >= this.elf.header.shnum || !base || !isAlloc(base)) continue;
      const symtabIndex = this.elf.symbolTables()[0]?.index;
      if (r.link !== symtabIndex) {
        this.out.add(
          "rela-link",
          `relocation section ${sectionLabel(r)} links to section ${r.link}, not the symbol table (${symtabIndex ?? "none"})`,
          at(r)
        );
        continue;
      }
      if (r.size === 0) continue;
      const entrySize = r.type === SHT_RELA ? ELF64_RELA_SIZE : 16;
      if (r.entsize < entrySize || r.size % r.entsize !== 0) {
        this.out.add(
          "rela-header",
          `relocation section ${sectionLabel(r)} has entry size ${r.entsize} and size ${r.size}`,
          at(r)
        );
        continue;
      }
      if (r.type === SHT_REL) {
        this.out.add(
          "section-rel",
          `section ${sectionLabel(r)} is SHT_REL; the hypervisor only performs SHT_RELA relocations`,
          at(r)
        );
        continue;
      }
      if (!this.elf.inBounds(r) || !this.symbols) continue;
      for (const rela of this.elf.relocations(r)) this.relocation(r, base, rela);
    }
  }
  relocation(r, base, rela) {
    const where = at(r, { entry: rela.index, offset: Number(rela.offset) });
    const symbols = this.symbols;
    if (rela.symbolIndex === STN_UNDEF) {
      this.out.add(
        "rela-symbol-zero",
        `relocation ${rela.index} in ${sectionLabel(r)} (offset ${rela.offset} of ${base.name}) has symbol index 0 (STN_UNDEF)`,
        where
      );
      return;
    }
    const sym = symbols[rela.symbolIndex];
    if (!sym) {
      this.out.add(
        "rela-symbol-range",
        `relocation ${rela.index} in ${sectionLabel(r)} refers to symbol ${rela.symbolIndex}, past the ${symbols.length} symbols`,
        where
      );
      return;
    }
    const symSection = this.payload.symbolSection(sym);
    if (symSection && !isAlloc(symSection)) {
      this.out.add(
        "rela-ignored-section",
        `relocation ${rela.index} in ${sectionLabel(r)} refers to ${sym.name || symSection.name} in ${sectionLabel(symSection)}, a section the loader does not load`,
        { ...where, symbol: sym.name || symSection.name }
      );
      return;
    }
    const width = rela.type === R_X86_64_64 ? 8 : rela.type === R_X86_64_PC32 || rela.type === R_X86_64_PLT32 ? 4 : rela.type === R_X86_64_NONE ? 0 : -1;
    if (width < 0) {
      this.out.add(
        "rela-type",
        `relocation ${rela.index} in ${sectionLabel(r)} has type ${relocationTypeName(rela.type)}; the hypervisor handles only R_X86_64_NONE, 64, PC32 and PLT32`,
        where
      );
    } else if (width > 0 && rela.offset + BigInt(width) > BigInt(base.size)) {
      this.out.add(
        "rela-offset",
        `relocation ${rela.index} in ${sectionLabel(r)} writes ${width} bytes at offset ${rela.offset}, past the end of ${sectionLabel(base)} (${base.size} bytes)`,
        where
      );
    }
  }
  // check_special_sections().
  requiredSections() {
    for (const name of [SECTION.depends, SECTION.xenDepends, SECTION.buildId]) {
      const all = this.elf.sectionsNamed(name);
      if (all.length === 0) {
        this.out.add("section-missing", `required section ${name} is missing`, { section: name });
      } else if (all[0].size === 0) {
        this.out.add("section-empty", `required section ${name} is empty`, at(all[0]));
      }
      if (all.length > 1) this.duplicate(name, all);
    }
  }
  duplicate(name, all) {
    this.out.add(
      "section-duplicate",
      `section ${name} appears ${all.length} times (sections ${all.map((s) => s.index).join(", ")}); the hypervisor uses only the first`,
      at(all[1])
    );
  }
  // check_patching_sections().
  patchingSections() {
    let present = 0;
    for (const name of [SECTION.funcs, ...Object.keys(HOOK_SECTIONS)]) {
      const all = this.elf.sectionsNamed(name);
      if (all.length === 0) continue;
      present++;
      if (all[0].size === 0)
        this.out.add("section-empty", `section ${name} is empty`, at(all[0]));
      if (all.length > 1) this.duplicate(name, all);
    }
    if (present === 0) {
      this.out.add(
        "nothing-to-patch",
        `neither ${SECTION.funcs} nor a .livepatch.hooks.* section: the payload does nothing`
      );
    }
  }
  // prepare_payload() build-id notes, xen_build_id_dep() and build_id_dep().
  buildIds() {
    const invalid = (note) => {
      if (note.status === "invalid")
        this.out.add("note-invalid", `${note.section.name}: ${note.problem}`, at(note.section));
    };
    const buildId = this.payload.buildId;
    const depends = this.payload.depends;
    const xenDepends = this.payload.xenDepends;
    [buildId, depends, xenDepends].forEach(invalid);
    const xen = this.target.xen;
    if (xenDepends.status === "ok") {
      if (!xen) this.skip(".livepatch.xen_depends");
      else if (xen.buildId && xenDepends.id !== xen.buildId) {
        this.out.add(
          "xen-depends-mismatch",
          `.livepatch.xen_depends is ${xenDepends.id} but ${xen.file} has build-id ${xen.buildId}`,
          at(xenDepends.section)
        );
      }
    }
    const previous = this.target.stack.at(-1);
    if (depends.status === "ok") {
      if (previous) {
        const prevId = previous.buildId;
        if (prevId.status === "ok" && depends.id !== prevId.id) {
          this.out.add(
            "depends-mismatch",
            `.livepatch.depends is ${depends.id} but the previous payload ${previous.file} has build-id ${prevId.id}`,
            at(depends.section)
          );
        }
      } else if (!xen) {
        this.skip(".livepatch.depends");
      } else if (xen.buildId && depends.id !== xen.buildId) {
        this.out.add(
          "depends-mismatch",
          `.livepatch.depends is ${depends.id} but the base ${xen.file} has build-id ${xen.buildId} (apply needs --nodeps)`,
          at(depends.section)
        );
      }
    }
    if (buildId.status === "ok") {
      for (const earlier of this.target.stack) {
        const other = earlier.buildId;
        if (other.status === "ok" && other.id === buildId.id) {
          this.out.add(
            "build-id-duplicate",
            `build-id ${buildId.id} is also the build-id of ${earlier.file}; the hypervisor refuses to load it twice`,
            at(buildId.section)
          );
        }
      }
    }
  }
  // prepare_payload() function entries, arch_livepatch_verify_func() and expectations.
  funcs() {
    const section = this.elf.sectionNamed(SECTION.funcs);
    if (!section || !this.elf.inBounds(section)) return;
    if (section.size % LIVEPATCH_FUNC_SIZE !== 0) {
      this.out.add(
        "funcs-size",
        `${SECTION.funcs} is ${section.size} bytes, not a multiple of ${LIVEPATCH_FUNC_SIZE}`,
        at(section)
      );
      return;
    }
    if (!this.symbols) return;
    for (const f of this.payload.funcs()) this.func(section, f);
  }
  func(section, f) {
    const label = `function entry ${f.index}${f.name ? ` (${f.name})` : ""}`;
    const where = at(section, {
      entry: f.index,
      offset: f.offset,
      ...f.name ? { symbol: f.name } : {}
    });
    if (f.version !== LIVEPATCH_PAYLOAD_VERSION) {
      this.out.add(
        "func-version",
        `${label} has version ${f.version}, expected ${LIVEPATCH_PAYLOAD_VERSION}`,
        where
      );
    }
    if (f.oldSize === 0) this.out.add("func-old-size", `${label} has old_size 0`, where);
    const oldFunction2 = this.oldFunction(f, label, where);
    const replaces = f.newAddr.rela !== void 0 || f.newAddr.raw !== 0n;
    if (replaces) {
      const endbr = oldFunction2?.bytes && (startsWith(oldFunction2.bytes, ENDBR64) || startsWith(oldFunction2.bytes, ENDBR64_POISON));
      const needed = PATCH_INSN_SIZE + (endbr ? ENDBR64.length : 0);
      if (f.oldSize !== 0 && f.oldSize < needed) {
        this.out.add(
          "func-too-short",
          `${label} has old_size ${f.oldSize}; the jump needs ${needed} bytes${endbr ? " (the function starts with ENDBR64)" : ""}`,
          where
        );
      }
    } else if (f.newSize > EXPECT_DATA_SIZE || f.oldSize < f.newSize) {
      this.out.add(
        "func-nop-size",
        `${label} NOPs out ${f.newSize} bytes of a ${f.oldSize}-byte function; at most ${EXPECT_DATA_SIZE} and at most old_size`,
        where
      );
    }
    if (oldFunction2?.size !== void 0 && oldFunction2.size !== 0 && f.oldSize > oldFunction2.size) {
      this.out.add(
        "func-old-size-overrun",
        `${label} has old_size ${f.oldSize} but ${oldFunction2.name} is only ${oldFunction2.size} bytes in ${this.target.xen?.file}`,
        where
      );
    }
    const e = f.expect;
    if (!e.enabled) return;
    if (e.reserved !== 0)
      this.out.add(
        "expect-invalid",
        `${label} expectation has reserved bits set (${e.reserved})`,
        where
      );
    if (e.len > f.oldSize) {
      this.out.add(
        "expect-invalid",
        `${label} expects ${e.len} bytes of a ${f.oldSize}-byte function`,
        where
      );
    } else if (oldFunction2 && this.patchedBelow(oldFunction2.name)) {
      this.out.add(
        "expect-mismatch",
        `${label} has an expectation, but ${this.patchedBelow(oldFunction2.name)} (earlier in the stack) already patches ${oldFunction2.name}: at apply time its code starts with that payload's jump, not the bytes in xen-syms`,
        where
      );
    } else if (oldFunction2?.bytes) {
      const expected = e.data.subarray(0, e.len);
      const actual = oldFunction2.bytes.subarray(0, e.len);
      if (hex(expected) !== hex(actual)) {
        this.out.add(
          "expect-mismatch",
          `${label} expects ${hex(expected)} but ${oldFunction2.name} in ${this.target.xen?.file} starts with ${hex(actual)}`,
          where
        );
      }
    }
  }
  /** The earlier payload of the stack that patches the function `name`, if any. */
  patchedBelow(name) {
    for (const earlier of this.target.stack) {
      const funcs = safely(() => earlier.funcs(), []);
      if (funcs.some((f) => (f.oldAddr.rela ? f.oldAddr.symbol?.name : f.name) === name))
        return earlier.file;
    }
    return void 0;
  }
  /** Where the old function is, by name or through the old_addr relocation, and its code. */
  oldFunction(f, label, where) {
    const xen = this.target.xen;
    let name;
    let addend = 0n;
    if (f.oldAddr.rela) {
      const sym2 = f.oldAddr.symbol;
      if (!sym2 || sym2.shndx !== SHN_UNDEF) return void 0;
      name = sym2.name;
      addend = f.oldAddr.rela.addend;
    } else if (f.oldAddr.raw !== 0n) {
      return void 0;
    } else {
      if (f.name === void 0) {
        this.out.add(
          "func-name",
          `${label} has neither old_addr nor a name pointer that leads to a string in the payload`,
          where
        );
        return void 0;
      }
      name = f.name;
      if (!xen) {
        this.skip("function names");
      } else if (!this.resolvesOutside(name)) {
        this.out.add(
          "func-unresolved",
          `${label}: ${name} is neither in ${xen.file} nor exported by an earlier payload`,
          where
        );
      }
    }
    const sym = xen?.lookup(name);
    if (!sym) return { name };
    return { name, size: sym.size, bytes: xen.bytesAt(sym.value + addend, EXPECT_DATA_SIZE) };
  }
  // LIVEPATCH_ASSIGN_*_HOOK, and the special sections of prepare_payload().
  hooksAndSpecialSections() {
    for (const [name, kind] of Object.entries(HOOK_SECTIONS)) {
      const s = this.elf.sectionNamed(name);
      if (!s || s.size === 0) continue;
      if (kind === "single" ? s.size !== 8 : s.size % 8 !== 0) {
        this.out.add(
          "hook-size",
          `${name} is ${s.size} bytes; it must be ${kind === "single" ? "exactly one 8-byte pointer" : "a multiple of 8 bytes"}`,
          at(s)
        );
      }
    }
    for (const [name, size] of Object.entries(SPECIAL_ENTRY_SIZE)) {
      const s = this.elf.sectionNamed(name);
      if (s && s.size % size !== 0) {
        this.out.add(
          "special-section-size",
          `${name} is ${s.size} bytes, not a multiple of its ${size}-byte entries`,
          at(s)
        );
      }
    }
    const alt = this.elf.sectionNamed(".altinstructions");
    if (alt && alt.size > 0) {
      const text = this.elf.sections.some(
        (s) => isAlloc(s) && (s.flags & SHF_EXECINSTR) !== 0 && (s.flags & SHF_WRITE) === 0 && s.size > 0
      );
      if (!text)
        this.out.add(
          "altinstr-incomplete",
          ".altinstructions is present but the payload has no code to alter",
          at(alt)
        );
      if (!this.elf.sectionNamed(".altinstr_replacement")) {
        this.out.add(
          "altinstr-incomplete",
          ".altinstructions is present but .altinstr_replacement is missing",
          at(alt)
        );
      }
    }
  }
  modinfo() {
    const section = this.elf.sectionNamed(SECTION.modinfo);
    const info = this.payload.modinfo();
    if (!section || !info) return;
    if (!info.terminated) {
      this.out.add(
        "modinfo-format",
        `.modinfo (${section.size} bytes) does not end with NUL`,
        at(section)
      );
    }
    for (const entry of info.entries) {
      if (!entry.wellFormed)
        this.out.add(
          "modinfo-entry",
          `.modinfo string "${entry.key}" is not key=value`,
          at(section)
        );
    }
  }
  // build_symbol_table(): new symbols must not clash with existing names.
  newSymbols() {
    if (!this.symbols) return;
    const xen = this.target.xen;
    if (!xen) return this.skip("new symbol names");
    const stack = this.stackExports();
    for (const sym of this.payload.newSymbols()) {
      const owner = xen.lookup(sym.name) ? xen.file : stack.get(sym.name);
      if (owner) {
        this.out.add(
          "symbol-duplicate",
          `new symbol ${sym.name} already exists in ${owner}; the hypervisor refuses a duplicate`,
          { section: ".symtab", entry: sym.index, symbol: sym.name }
        );
      }
    }
  }
  /** Sections targeted by a relocation from an allocated section, or having relocations of their own. */
  referencedSections() {
    const referenced = /* @__PURE__ */ new Set();
    if (!this.symbols) return referenced;
    for (const r of this.elf.sections) {
      if (r.type !== SHT_RELA) continue;
      const base = this.elf.section(r.info);
      if (!base || !isAlloc(base)) continue;
      const entries = safely(() => this.elf.relocations(r), []);
      if (entries.length > 0) referenced.add(base.index);
      for (const rela of entries) {
        const sym = this.symbols[rela.symbolIndex];
        if (sym && sym.shndx !== SHN_UNDEF && sym.shndx < SHN_LORESERVE) referenced.add(sym.shndx);
      }
    }
    return referenced;
  }
  rodataSections() {
    return this.elf.sections.filter(
      (s) => s.name.startsWith(".rodata") && s.type === SHT_PROGBITS && isAlloc(s) && (s.flags & (SHF_WRITE | SHF_EXECINSTR)) === 0 && s.size > 0 && this.elf.inBounds(s)
    );
  }
  // livepatch-build-tools 854a7ca60e35: only referenced .rodata belongs in a payload.
  rodataReferences() {
    if (!this.symbols) return;
    const referenced = this.referencedSections();
    for (const s of this.rodataSections()) {
      if (!referenced.has(s.index)) {
        this.out.add(
          "rodata-unreferenced",
          `${sectionLabel(s)} (${s.size} bytes) is not referenced by any relocation: it is dead weight in the payload`,
          at(s)
        );
      }
    }
  }
  // livepatch-build-tools dabc4e9fa87c: stacked payloads must not re-carry earlier data.
  rodataDuplicates() {
    if (this.target.stack.length === 0) return;
    const earlierStrings = /* @__PURE__ */ new Map();
    const earlierBlobs = /* @__PURE__ */ new Map();
    for (const earlier of this.target.stack) {
      const checks = new _PayloadChecks(earlier, { stack: [] }, new FindingList(earlier.file));
      for (const s of safely(() => checks.rodataSections(), [])) {
        const where = `${earlier.file} (${s.name})`;
        const data = earlier.elf.data(s);
        if (isStringSection(s))
          for (const str of splitStrings(data)) earlierStrings.set(str, where);
        else earlierBlobs.set(hex(data), where);
      }
    }
    for (const s of this.rodataSections()) {
      const data = this.elf.data(s);
      if (isStringSection(s)) {
        const strings = splitStrings(data);
        const repeated = strings.filter((str) => earlierStrings.has(str));
        if (repeated.length === 0) continue;
        const bytes = repeated.reduce((n2, str) => n2 + Buffer.byteLength(str, "latin1") + 1, 0);
        const places = [...new Set(repeated.map((str) => earlierStrings.get(str)))].join(", ");
        this.out.add(
          "rodata-duplicate",
          `${sectionLabel(s)}: ${repeated.length} of ${strings.length} strings (${bytes} bytes) are already carried by ${places}, e.g. ${JSON.stringify(repeated[0])}`,
          at(s)
        );
      } else {
        const where = earlierBlobs.get(hex(data));
        if (where)
          this.out.add(
            "rodata-duplicate",
            `${sectionLabel(s)}: all ${data.length} bytes are already carried by ${where}`,
            at(s)
          );
      }
    }
  }
};
var isStringSection = (s) => (s.flags & (SHF_MERGE | SHF_STRINGS)) === (SHF_MERGE | SHF_STRINGS);
function splitStrings(data) {
  return Buffer.from(data).toString("latin1").split("\0").filter((s) => s.length > 0);
}
function startsWith(bytes, prefix) {
  return prefix.every((b, i2) => bytes[i2] === b);
}
function safely(fn, fallback) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ElfFormatError) return fallback;
    throw e;
  }
}

// src/verify/payload-set.ts
var idOf = (note) => note.status === "ok" ? note.id : void 0;
async function loadXenSyms(path10) {
  try {
    return await XenSyms.load(path10);
  } catch (e) {
    if (e instanceof ElfFormatError)
      throw new InputFileError(path10, `is not a usable xen-syms: ${e.problem}`);
    throw e;
  }
}
async function loadApplied(path10) {
  try {
    return await Payload.load(path10);
  } catch (e) {
    if (e instanceof ElfFormatError) {
      throw new ConfigurationError(
        "applied-payloads",
        `${path10} is not a readable payload: ${e.problem}`
      );
    }
    throw e;
  }
}
function stackOf(payload, byId, applied) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set([payload]);
  let depends = idOf(payload.depends);
  while (depends !== void 0) {
    const below = byId.get(depends);
    if (!below || seen.has(below)) break;
    seen.add(below);
    chain.unshift(below);
    depends = idOf(below.depends);
  }
  return chain.length > 0 ? chain : [...applied];
}
async function verifyPayloadSet(input) {
  const xen = input.xenSyms ? await loadXenSyms(input.xenSyms) : void 0;
  const applied = await Promise.all(input.applied.map(loadApplied));
  const loaded = [];
  for (const file of input.payloads) {
    try {
      loaded.push({ file, payload: await Payload.load(file) });
    } catch (e) {
      if (!(e instanceof ElfFormatError)) throw e;
      loaded.push({ file, error: e });
    }
  }
  const byId = /* @__PURE__ */ new Map();
  for (const p of [...applied, ...loaded.flatMap((l) => l.payload ? [l.payload] : [])]) {
    const id = idOf(p.buildId);
    if (id !== void 0 && !byId.has(id)) byId.set(id, p);
  }
  const reports = [];
  for (const { file, payload, error } of loaded) {
    if (!payload) {
      reports.push({
        file,
        name: file,
        size: 0,
        buildId: void 0,
        depends: void 0,
        xenDepends: void 0,
        stack: [],
        findings: malformedFindings(file, error)
      });
      continue;
    }
    const stack = stackOf(payload, byId, applied);
    reports.push({
      file,
      name: payload.name,
      size: payload.elf.bytes.length,
      buildId: idOf(payload.buildId),
      depends: idOf(payload.depends),
      xenDepends: idOf(payload.xenDepends),
      stack: stack.map((p) => p.file),
      findings: verifyPayload(payload, { xen, stack })
    });
  }
  return { xenBuildId: xen?.buildId, payloads: reports };
}

// src/report/text.ts
import { basename as basename2, isAbsolute, relative } from "node:path";

// src/version.ts
import { readFileSync } from "node:fs";
var TOOL_NAME = "xen-livepatch-ci";
var TOOL_VERSION = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

// src/report/sarif.ts
function locationText(l) {
  const parts = [];
  if (l.section !== void 0)
    parts.push(l.sectionIndex !== void 0 ? `${l.section} [${l.sectionIndex}]` : l.section);
  if (l.entry !== void 0) parts.push(`entry ${l.entry}`);
  if (l.offset !== void 0) parts.push(`offset 0x${l.offset.toString(16)}`);
  if (l.symbol !== void 0) parts.push(`symbol ${l.symbol}`);
  return parts.join(", ");
}

// src/report/text.ts
function displayPath(file, root) {
  const rel = relative(root, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function payloadVerdict(findings) {
  const c3 = countBySeverity(findings);
  if (c3.error + c3.warning + c3.note === 0) return "clean";
  const parts = [];
  if (c3.error) parts.push(`${c3.error} error${c3.error > 1 ? "s" : ""}`);
  if (c3.warning) parts.push(`${c3.warning} warning${c3.warning > 1 ? "s" : ""}`);
  if (c3.note) parts.push(`${c3.note} note${c3.note > 1 ? "s" : ""}`);
  return parts.join(", ");
}
function findingsText(payloads, root) {
  const lines = [];
  for (const p of payloads) {
    const on6 = p.stack.length > 0 ? ` on ${p.stack.map((s) => basename2(s)).join(" <- ")}` : "";
    lines.push(`${displayPath(p.file, root)}: ${payloadVerdict(p.findings)}${on6}`);
    for (const f of p.findings) {
      const where = locationText(f.location);
      const expected = f.expected ? " (expected: a deliberately defective self-test payload)" : "";
      lines.push(
        `  ${f.severity} ${f.ruleId}: ${f.message}${where ? ` [${where}]` : ""}${expected}`
      );
    }
  }
  return lines.join("\n") + "\n";
}

// src/source/debian.ts
import { mkdir, readFile as readFile3, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// src/util/exec.ts
import { createWriteStream as createWriteStream2, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

// node_modules/is-plain-obj/index.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}

// node_modules/execa/lib/arguments/file-url.js
import { fileURLToPath } from "node:url";
var safeNormalizeFileUrl = (file, name) => {
  const fileString = normalizeFileUrl(normalizeDenoExecPath(file));
  if (typeof fileString !== "string") {
    throw new TypeError(`${name} must be a string or a file URL: ${fileString}.`);
  }
  return fileString;
};
var normalizeDenoExecPath = (file) => isDenoExecPath(file) ? file.toString() : file;
var isDenoExecPath = (file) => typeof file !== "string" && file && Object.getPrototypeOf(file) === String.prototype;
var normalizeFileUrl = (file) => file instanceof URL ? fileURLToPath(file) : file;

// node_modules/execa/lib/methods/parameters.js
var normalizeParameters = (rawFile, rawArguments = [], rawOptions, ...rawExtraArguments) => {
  if (rawExtraArguments.length > 0) {
    throw new TypeError("Execa accepts at most three arguments: file, arguments, options.");
  }
  if (rawOptions !== void 0 && isPlainObject(rawArguments)) {
    throw new TypeError("Execa accepts at most one options object. Please merge the second and third arguments.");
  }
  const filePath = safeNormalizeFileUrl(rawFile, "First argument");
  const [commandArguments, options = {}] = isPlainObject(rawArguments) ? [[], rawArguments] : [rawArguments, rawOptions];
  if (!Array.isArray(commandArguments)) {
    throw new TypeError(`Second argument must be either an array of arguments or an options object: ${commandArguments}`);
  }
  if (commandArguments.some((commandArgument) => typeof commandArgument === "object" && commandArgument !== null)) {
    throw new TypeError(`Second argument must be an array of strings: ${commandArguments}`);
  }
  const normalizedArguments = commandArguments.map(String);
  const nullByteArgument = normalizedArguments.find((normalizedArgument) => normalizedArgument.includes("\0"));
  if (nullByteArgument !== void 0) {
    throw new TypeError(`Arguments cannot contain null bytes ("\\0"): ${nullByteArgument}`);
  }
  if (!isPlainObject(options)) {
    throw new TypeError(`Last argument must be an options object: ${options}`);
  }
  return [filePath, normalizedArguments, { __proto__: null, ...options }];
};

// node_modules/execa/lib/methods/template.js
import { ChildProcess } from "node:child_process";

// node_modules/execa/lib/arguments/escape.js
import { platform } from "node:process";
import { stripVTControlCharacters } from "node:util";
var joinCommand = (filePath, rawArguments, shell) => {
  const fileAndArguments = [filePath, ...rawArguments];
  const command = fileAndArguments.join(" ");
  const escapedCommand = shell ? escapeControlCharacters(command) : fileAndArguments.map((fileAndArgument) => quoteString(escapeControlCharacters(fileAndArgument))).join(" ");
  return { command, escapedCommand };
};
var escapeLines = (lines) => stripVTControlCharacters(lines).split("\n").map((line) => escapeControlCharacters(line)).join("\n");
var escapeControlCharacters = (line) => line.replaceAll(SPECIAL_CHAR_REGEXP, (character) => escapeControlCharacter(character));
var escapeControlCharacter = (character) => {
  const commonEscape = COMMON_ESCAPES[character];
  if (commonEscape !== void 0) {
    return commonEscape;
  }
  const codepoint = character.codePointAt(0);
  const codepointHex = codepoint.toString(16);
  return codepoint <= ASTRAL_START ? `\\u${codepointHex.padStart(4, "0")}` : `\\U${codepointHex}`;
};
var getSpecialCharRegExp = () => {
  try {
    return new RegExp("\\p{Separator}|\\p{Other}", "gu");
  } catch {
    return /[\s\u0000-\u001F\u007F-\u009F\u00AD]/g;
  }
};
var SPECIAL_CHAR_REGEXP = getSpecialCharRegExp();
var COMMON_ESCAPES = {
  " ": " ",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
var ASTRAL_START = 65535;
var quoteString = (escapedArgument) => {
  if (NO_ESCAPE_REGEXP.test(escapedArgument)) {
    return escapedArgument;
  }
  return platform === "win32" ? `"${escapedArgument.replaceAll('"', '""')}"` : `'${escapedArgument.replaceAll("'", "'\\''")}'`;
};
var NO_ESCAPE_REGEXP = /^[\w\-./]+$/;

// node_modules/execa/lib/utils/uint-array.js
import { StringDecoder } from "node:string_decoder";
var { toString: objectToString } = Object.prototype;
var isArrayBuffer = (value) => objectToString.call(value) === "[object ArrayBuffer]";
var isUint8Array = (value) => objectToString.call(value) === "[object Uint8Array]";
var bufferToUint8Array = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
var textEncoder = new TextEncoder();
var stringToUint8Array = (string) => textEncoder.encode(string);
var textDecoder = new TextDecoder();
var uint8ArrayToString = (uint8Array) => textDecoder.decode(uint8Array);
var joinToString = (uint8ArraysOrStrings, encoding) => {
  const strings = uint8ArraysToStrings(uint8ArraysOrStrings, encoding);
  return strings.join("");
};
var uint8ArraysToStrings = (uint8ArraysOrStrings, encoding) => {
  if (encoding === "utf8" && uint8ArraysOrStrings.every((uint8ArrayOrString) => typeof uint8ArrayOrString === "string")) {
    return uint8ArraysOrStrings;
  }
  const decoder = new StringDecoder(encoding);
  const strings = uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString).map((uint8Array) => decoder.write(uint8Array));
  const finalString = decoder.end();
  return finalString === "" ? strings : [...strings, finalString];
};
var joinToUint8Array = (uint8ArraysOrStrings) => uint8ArraysOrStrings.length === 1 && isUint8Array(uint8ArraysOrStrings[0]) ? uint8ArraysOrStrings[0] : concatUint8Arrays(stringsToUint8Arrays(uint8ArraysOrStrings));
var stringsToUint8Arrays = (uint8ArraysOrStrings) => uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString);
var concatUint8Arrays = (uint8Arrays) => {
  const result = new Uint8Array(getJoinLength(uint8Arrays));
  let index = 0;
  for (const uint8Array of uint8Arrays) {
    result.set(uint8Array, index);
    index += uint8Array.length;
  }
  return result;
};
var getJoinLength = (uint8Arrays) => {
  let joinLength = 0;
  for (const uint8Array of uint8Arrays) {
    joinLength += uint8Array.length;
  }
  return joinLength;
};

// node_modules/execa/lib/return/final-error.js
var getFinalError = (originalError, message, isSync) => {
  const ErrorClass = isSync ? ExecaSyncError : ExecaError;
  const options = originalError instanceof DiscardedError ? {} : { cause: originalError };
  return new ErrorClass(message, options);
};
var DiscardedError = class extends Error {
};
var setErrorName = (ErrorClass, value) => {
  Object.defineProperties(ErrorClass.prototype, {
    name: {
      value,
      writable: true,
      enumerable: false,
      configurable: true
    },
    [execaErrorSymbol]: {
      value: true,
      writable: false,
      enumerable: false,
      configurable: false
    }
  });
};
var isExecaError = (error) => isErrorInstance(error) && execaErrorSymbol in error;
var execaErrorSymbol = /* @__PURE__ */ Symbol("isExecaError");
var isErrorInstance = (value) => value instanceof Error || Object.prototype.toString.call(value) === "[object Error]";
var ExecaError = class extends Error {
};
setErrorName(ExecaError, ExecaError.name);
var ExecaSyncError = class extends Error {
};
setErrorName(ExecaSyncError, ExecaSyncError.name);

// node_modules/execa/lib/utils/type-name.js
var getTypeName = (value) => value === null ? "null" : typeof value;

// node_modules/execa/lib/methods/template.js
var isTemplateString = (templates) => Array.isArray(templates) && Array.isArray(templates.raw);
var parseTemplates = (templates, expressions) => {
  let tokens = [];
  let isSeparated = false;
  for (const [index, template] of templates.entries()) {
    ({ tokens, isSeparated } = parseTemplate({
      templates,
      expressions,
      tokens,
      isSeparated,
      index,
      template
    }));
  }
  if (tokens.length === 0) {
    throw new TypeError("Template script must not be empty");
  }
  const [file, ...commandArguments] = tokens;
  return [file, commandArguments, {}];
};
var parseTemplate = ({ templates, expressions, tokens, isSeparated, index, template }) => {
  if (template === void 0) {
    throw new TypeError(`Invalid backslash sequence: ${templates.raw[index]}`);
  }
  const { nextTokens, leadingWhitespaces, trailingWhitespaces } = splitByWhitespaces(template, templates.raw[index]);
  const newTokens = concatTokens(tokens, nextTokens, isSeparated || leadingWhitespaces);
  const isTemplateSeparated = trailingWhitespaces || nextTokens.length === 0 && isSeparated;
  if (index === expressions.length) {
    return { tokens: newTokens, isSeparated: isTemplateSeparated };
  }
  const expression = expressions[index];
  const expressionTokens = Array.isArray(expression) ? expression.map((expression2) => parseExpression(expression2)) : [parseExpression(expression)];
  return {
    tokens: concatTokens(newTokens, expressionTokens, isTemplateSeparated),
    isSeparated: expressionTokens.length === 0 && isTemplateSeparated
  };
};
var splitByWhitespaces = (template, rawTemplate) => {
  if (template.length === 0) {
    return { nextTokens: [], leadingWhitespaces: false, trailingWhitespaces: false };
  }
  const nextTokens = [];
  let templateStart = 0;
  let isLeadingWhitespaces = false;
  for (let templateIndex = 0, rawIndex = 0; templateIndex < template.length; templateIndex += 1, rawIndex += 1) {
    const rawCharacter = rawTemplate[rawIndex];
    if (DELIMITERS.has(rawCharacter)) {
      if (templateIndex === 0) {
        isLeadingWhitespaces = true;
      }
      if (templateStart !== templateIndex) {
        nextTokens.push(template.slice(templateStart, templateIndex));
      }
      templateStart = templateIndex + 1;
    } else if (rawCharacter === "\\") {
      const nextRawCharacter = rawTemplate[rawIndex + 1];
      if (nextRawCharacter === "\n") {
        templateIndex -= 1;
        rawIndex += 1;
      } else if (nextRawCharacter === "u" && rawTemplate[rawIndex + 2] === "{") {
        const closingBraceIndex = rawTemplate.indexOf("}", rawIndex + 3);
        if (isAstralEscape(rawTemplate.slice(rawIndex + 3, closingBraceIndex))) {
          templateIndex += 1;
        }
        rawIndex = closingBraceIndex;
      } else {
        rawIndex += ESCAPE_LENGTH[nextRawCharacter] ?? 1;
      }
    }
  }
  const isTrailingWhitespaces = templateStart === template.length;
  if (!isTrailingWhitespaces) {
    nextTokens.push(template.slice(templateStart));
  }
  return { nextTokens, leadingWhitespaces: isLeadingWhitespaces, trailingWhitespaces: isTrailingWhitespaces };
};
var isAstralEscape = (codePointHex) => Number.parseInt(codePointHex, 16) > ASTRAL_START;
var DELIMITERS = /* @__PURE__ */ new Set([" ", "	", "\r", "\n"]);
var ESCAPE_LENGTH = { x: 3, u: 5 };
var concatTokens = (tokens, nextTokens, isSeparated) => isSeparated || tokens.length === 0 || nextTokens.length === 0 ? [...tokens, ...nextTokens] : [
  ...tokens.slice(0, -1),
  `${tokens.at(-1)}${nextTokens[0]}`,
  ...nextTokens.slice(1)
];
var parseExpression = (expression) => {
  const typeOfExpression = getTypeName(expression);
  if (typeOfExpression === "string") {
    return expression;
  }
  if (typeOfExpression === "number") {
    return String(expression);
  }
  if ((isPlainObject(expression) || isExecaError(expression)) && (Object.hasOwn(expression, "stdout") || Object.hasOwn(expression, "isMaxBuffer"))) {
    return getSubprocessResult(expression);
  }
  if (expression instanceof ChildProcess || Object.prototype.toString.call(expression) === "[object Promise]") {
    throw new TypeError("Unexpected subprocess in template expression. Please use ${await subprocess} instead of ${subprocess}.");
  }
  throw new TypeError(`Unexpected "${typeOfExpression}" in template expression`);
};
var getSubprocessResult = (result) => {
  const stdout = Object.hasOwn(result, "stdout") ? result.stdout : void 0;
  if (typeof stdout === "string") {
    return stdout;
  }
  if (isUint8Array(stdout)) {
    return uint8ArrayToString(stdout);
  }
  if (stdout === void 0) {
    throw new TypeError(`Missing result.stdout in template expression. This is probably due to the previous subprocess' "stdout" option.`);
  }
  throw new TypeError(`Unexpected "${getTypeName(stdout)}" stdout in template expression`);
};

// node_modules/execa/lib/methods/main-sync.js
import { spawnSync } from "node:child_process";

// node_modules/execa/lib/arguments/specific.js
import { debuglog } from "node:util";

// node_modules/execa/lib/utils/standard-stream.js
import process2 from "node:process";
var isStandardStream = (stream) => STANDARD_STREAMS.includes(stream);
var STANDARD_STREAMS = [process2.stdin, process2.stdout, process2.stderr];
var STANDARD_STREAMS_ALIASES = ["stdin", "stdout", "stderr"];
var getStreamName = (fdNumber) => STANDARD_STREAMS_ALIASES[fdNumber] ?? `stdio[${fdNumber}]`;
var allStreamSymbol = /* @__PURE__ */ Symbol("execa.allStream");
var setAllStream = (stream) => Object.assign(stream, { [allStreamSymbol]: true });
var isAllStream = (stream) => stream?.[allStreamSymbol] === true;

// node_modules/execa/lib/utils/options.js
var copyOptions = (options = {}) => {
  if (options === null) {
    throw new TypeError("The options must be an object, not `null`.");
  }
  return { __proto__: null, ...options };
};
var checkBooleanOption = (value, optionName) => {
  if (value !== void 0 && typeof value !== "boolean") {
    throw new TypeError(`The \`${optionName}\` option must use a boolean.`);
  }
};

// node_modules/execa/lib/arguments/specific.js
var normalizeFdSpecificOptions = (options) => {
  const optionsCopy = { __proto__: null, ...options };
  for (const optionName of FD_SPECIFIC_OPTIONS) {
    optionsCopy[optionName] = normalizeFdSpecificOption(options, optionName);
  }
  return optionsCopy;
};
var normalizeFdSpecificOption = (options, optionName) => {
  const stdioLength = getStdioLength(options);
  const optionBaseArray = Array.from({ length: stdioLength + 1 });
  const optionArray = normalizeFdSpecificValue(options[optionName], optionBaseArray, optionName, stdioLength);
  return addDefaultValue(optionArray, optionName);
};
var getStdioLength = ({ stdio }) => Array.isArray(stdio) ? Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length) : STANDARD_STREAMS_ALIASES.length;
var normalizeFdSpecificValue = (optionValue, optionArray, optionName, stdioLength) => {
  if (isPlainObject(optionValue)) {
    return normalizeOptionObject(optionValue, optionArray, optionName, stdioLength);
  }
  validateFdSpecificValue(optionValue, optionName);
  return optionArray.fill(optionValue);
};
var normalizeOptionObject = (optionValue, optionArray, optionName, stdioLength) => {
  for (const fdName of Object.keys(optionValue).sort(compareFdName)) {
    validateFdSpecificValue(optionValue[fdName], optionName, `${optionName}.${fdName}`);
    for (const fdNumber of parseFdName(fdName, optionName, stdioLength)) {
      optionArray[fdNumber] = optionValue[fdName];
    }
  }
  return optionArray;
};
var compareFdName = (fdNameA, fdNameB) => getFdNameOrder(fdNameA) < getFdNameOrder(fdNameB) ? 1 : -1;
var getFdNameOrder = (fdName) => {
  if (fdName === "stdout" || fdName === "stderr") {
    return 0;
  }
  return fdName === "all" ? 2 : 1;
};
var parseFdName = (fdName, optionName, stdioLength) => {
  if (fdName === "ipc") {
    return [stdioLength];
  }
  const fdNumber = parseFd(fdName);
  if (fdNumber === void 0 || fdNumber === 0) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid.
It must be "${optionName}.stdout", "${optionName}.stderr", "${optionName}.all", "${optionName}.ipc", or "${optionName}.fd3", "${optionName}.fd4" (and so on).`);
  }
  if (fdNumber !== "all" && fdNumber >= stdioLength) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid: that file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  return fdNumber === "all" ? [1, 2] : [fdNumber];
};
var parseFd = (fdName) => {
  if (fdName === "all") {
    return fdName;
  }
  if (STANDARD_STREAMS_ALIASES.includes(fdName)) {
    return STANDARD_STREAMS_ALIASES.indexOf(fdName);
  }
  const regexpResult = FD_REGEXP.exec(fdName);
  if (regexpResult !== null) {
    return Number(regexpResult.groups.fdNumber);
  }
};
var FD_REGEXP = /^fd(?<fdNumber>\d+)$/;
var addDefaultValue = (optionArray, optionName) => optionArray.map((optionValue) => optionValue === void 0 ? DEFAULT_OPTIONS[optionName] : optionValue);
var BOOLEAN_FD_SPECIFIC_OPTIONS = /* @__PURE__ */ new Set(["lines", "buffer", "stripFinalNewline"]);
var validateFdSpecificValue = (optionValue, optionName, fullOptionName = optionName) => {
  if (BOOLEAN_FD_SPECIFIC_OPTIONS.has(optionName)) {
    checkBooleanOption(optionValue, fullOptionName);
  } else if (optionName === "maxBuffer" && optionValue !== void 0 && (typeof optionValue !== "number" || Number.isNaN(optionValue))) {
    throw new TypeError(`The \`${fullOptionName}\` option must use a number.`);
  }
};
var verboseDefault = debuglog("execa").enabled ? "full" : "none";
var DEFAULT_OPTIONS = {
  lines: false,
  buffer: true,
  maxBuffer: 1e3 * 1e3 * 100,
  verbose: verboseDefault,
  stripFinalNewline: true
};
var FD_SPECIFIC_OPTIONS = ["lines", "buffer", "maxBuffer", "verbose", "stripFinalNewline"];
var getFdSpecificValue = (optionArray, fdNumber) => fdNumber === "ipc" ? optionArray.at(-1) : optionArray[fdNumber];

// node_modules/execa/lib/verbose/values.js
var isVerbose = ({ verbose }, fdNumber) => getFdVerbose(verbose, fdNumber) !== "none";
var isFullVerbose = ({ verbose }, fdNumber) => !["none", "short"].includes(getFdVerbose(verbose, fdNumber));
var getVerboseFunction = ({ verbose }, fdNumber) => {
  const fdVerbose = getFdVerbose(verbose, fdNumber);
  return isVerboseFunction(fdVerbose) ? fdVerbose : void 0;
};
var getFdVerbose = (verbose, fdNumber) => fdNumber === void 0 ? getFdGenericVerbose(verbose) : getFdSpecificValue(verbose, fdNumber);
var getFdGenericVerbose = (verbose) => verbose.find((fdVerbose) => isVerboseFunction(fdVerbose)) ?? VERBOSE_VALUES.findLast((fdVerbose) => verbose.includes(fdVerbose));
var isVerboseFunction = (fdVerbose) => typeof fdVerbose === "function";
var VERBOSE_VALUES = ["none", "short", "full"];

// node_modules/execa/lib/verbose/log.js
import { inspect } from "node:util";

// node_modules/execa/lib/verbose/default.js
import process4 from "node:process";

// node_modules/is-unicode-supported/index.js
import process3 from "node:process";
function isUnicodeSupported() {
  const { env } = process3;
  const { TERM, TERM_PROGRAM } = env;
  if (process3.platform !== "win32") {
    return TERM !== "linux";
  }
  return Boolean(env.WT_SESSION) || Boolean(env.TERMINUS_SUBLIME) || env.ConEmuTask === "{cmd::Cmder}" || TERM_PROGRAM === "Terminus-Sublime" || TERM_PROGRAM === "vscode" || TERM === "xterm-256color" || TERM === "alacritty" || TERM === "rxvt-unicode" || TERM === "rxvt-unicode-256color" || env.TERMINAL_EMULATOR === "JetBrains-JediTerm";
}

// node_modules/figures/index.js
var common = {
  circleQuestionMark: "(?)",
  questionMarkPrefix: "(?)",
  square: "\u2588",
  squareDarkShade: "\u2593",
  squareMediumShade: "\u2592",
  squareLightShade: "\u2591",
  squareTop: "\u2580",
  squareBottom: "\u2584",
  squareLeft: "\u258C",
  squareRight: "\u2590",
  squareCenter: "\u25A0",
  bullet: "\u25CF",
  dot: "\u2024",
  ellipsis: "\u2026",
  pointerSmall: "\u203A",
  triangleUp: "\u25B2",
  triangleUpSmall: "\u25B4",
  triangleDown: "\u25BC",
  triangleDownSmall: "\u25BE",
  triangleLeftSmall: "\u25C2",
  triangleRightSmall: "\u25B8",
  home: "\u2302",
  heart: "\u2665",
  musicNote: "\u266A",
  musicNoteBeamed: "\u266B",
  arrowUp: "\u2191",
  arrowDown: "\u2193",
  arrowLeft: "\u2190",
  arrowRight: "\u2192",
  arrowLeftRight: "\u2194",
  arrowUpDown: "\u2195",
  almostEqual: "\u2248",
  notEqual: "\u2260",
  lessOrEqual: "\u2264",
  greaterOrEqual: "\u2265",
  identical: "\u2261",
  infinity: "\u221E",
  subscriptZero: "\u2080",
  subscriptOne: "\u2081",
  subscriptTwo: "\u2082",
  subscriptThree: "\u2083",
  subscriptFour: "\u2084",
  subscriptFive: "\u2085",
  subscriptSix: "\u2086",
  subscriptSeven: "\u2087",
  subscriptEight: "\u2088",
  subscriptNine: "\u2089",
  oneHalf: "\xBD",
  oneThird: "\u2153",
  oneQuarter: "\xBC",
  oneFifth: "\u2155",
  oneSixth: "\u2159",
  oneEighth: "\u215B",
  twoThirds: "\u2154",
  twoFifths: "\u2156",
  threeQuarters: "\xBE",
  threeFifths: "\u2157",
  threeEighths: "\u215C",
  fourFifths: "\u2158",
  fiveSixths: "\u215A",
  fiveEighths: "\u215D",
  sevenEighths: "\u215E",
  line: "\u2500",
  lineBold: "\u2501",
  lineDouble: "\u2550",
  lineDashed0: "\u2504",
  lineDashed1: "\u2505",
  lineDashed2: "\u2508",
  lineDashed3: "\u2509",
  lineDashed4: "\u254C",
  lineDashed5: "\u254D",
  lineDashed6: "\u2574",
  lineDashed7: "\u2576",
  lineDashed8: "\u2578",
  lineDashed9: "\u257A",
  lineDashed10: "\u257C",
  lineDashed11: "\u257E",
  lineDashed12: "\u2212",
  lineDashed13: "\u2013",
  lineDashed14: "\u2010",
  lineDashed15: "\u2043",
  lineVertical: "\u2502",
  lineVerticalBold: "\u2503",
  lineVerticalDouble: "\u2551",
  lineVerticalDashed0: "\u2506",
  lineVerticalDashed1: "\u2507",
  lineVerticalDashed2: "\u250A",
  lineVerticalDashed3: "\u250B",
  lineVerticalDashed4: "\u254E",
  lineVerticalDashed5: "\u254F",
  lineVerticalDashed6: "\u2575",
  lineVerticalDashed7: "\u2577",
  lineVerticalDashed8: "\u2579",
  lineVerticalDashed9: "\u257B",
  lineVerticalDashed10: "\u257D",
  lineVerticalDashed11: "\u257F",
  lineDownLeft: "\u2510",
  lineDownLeftArc: "\u256E",
  lineDownBoldLeftBold: "\u2513",
  lineDownBoldLeft: "\u2512",
  lineDownLeftBold: "\u2511",
  lineDownDoubleLeftDouble: "\u2557",
  lineDownDoubleLeft: "\u2556",
  lineDownLeftDouble: "\u2555",
  lineDownRight: "\u250C",
  lineDownRightArc: "\u256D",
  lineDownBoldRightBold: "\u250F",
  lineDownBoldRight: "\u250E",
  lineDownRightBold: "\u250D",
  lineDownDoubleRightDouble: "\u2554",
  lineDownDoubleRight: "\u2553",
  lineDownRightDouble: "\u2552",
  lineUpLeft: "\u2518",
  lineUpLeftArc: "\u256F",
  lineUpBoldLeftBold: "\u251B",
  lineUpBoldLeft: "\u251A",
  lineUpLeftBold: "\u2519",
  lineUpDoubleLeftDouble: "\u255D",
  lineUpDoubleLeft: "\u255C",
  lineUpLeftDouble: "\u255B",
  lineUpRight: "\u2514",
  lineUpRightArc: "\u2570",
  lineUpBoldRightBold: "\u2517",
  lineUpBoldRight: "\u2516",
  lineUpRightBold: "\u2515",
  lineUpDoubleRightDouble: "\u255A",
  lineUpDoubleRight: "\u2559",
  lineUpRightDouble: "\u2558",
  lineUpDownLeft: "\u2524",
  lineUpBoldDownBoldLeftBold: "\u252B",
  lineUpBoldDownBoldLeft: "\u2528",
  lineUpDownLeftBold: "\u2525",
  lineUpBoldDownLeftBold: "\u2529",
  lineUpDownBoldLeftBold: "\u252A",
  lineUpDownBoldLeft: "\u2527",
  lineUpBoldDownLeft: "\u2526",
  lineUpDoubleDownDoubleLeftDouble: "\u2563",
  lineUpDoubleDownDoubleLeft: "\u2562",
  lineUpDownLeftDouble: "\u2561",
  lineUpDownRight: "\u251C",
  lineUpBoldDownBoldRightBold: "\u2523",
  lineUpBoldDownBoldRight: "\u2520",
  lineUpDownRightBold: "\u251D",
  lineUpBoldDownRightBold: "\u2521",
  lineUpDownBoldRightBold: "\u2522",
  lineUpDownBoldRight: "\u251F",
  lineUpBoldDownRight: "\u251E",
  lineUpDoubleDownDoubleRightDouble: "\u2560",
  lineUpDoubleDownDoubleRight: "\u255F",
  lineUpDownRightDouble: "\u255E",
  lineDownLeftRight: "\u252C",
  lineDownBoldLeftBoldRightBold: "\u2533",
  lineDownLeftBoldRightBold: "\u252F",
  lineDownBoldLeftRight: "\u2530",
  lineDownBoldLeftBoldRight: "\u2531",
  lineDownBoldLeftRightBold: "\u2532",
  lineDownLeftRightBold: "\u252E",
  lineDownLeftBoldRight: "\u252D",
  lineDownDoubleLeftDoubleRightDouble: "\u2566",
  lineDownDoubleLeftRight: "\u2565",
  lineDownLeftDoubleRightDouble: "\u2564",
  lineUpLeftRight: "\u2534",
  lineUpBoldLeftBoldRightBold: "\u253B",
  lineUpLeftBoldRightBold: "\u2537",
  lineUpBoldLeftRight: "\u2538",
  lineUpBoldLeftBoldRight: "\u2539",
  lineUpBoldLeftRightBold: "\u253A",
  lineUpLeftRightBold: "\u2536",
  lineUpLeftBoldRight: "\u2535",
  lineUpDoubleLeftDoubleRightDouble: "\u2569",
  lineUpDoubleLeftRight: "\u2568",
  lineUpLeftDoubleRightDouble: "\u2567",
  lineUpDownLeftRight: "\u253C",
  lineUpBoldDownBoldLeftBoldRightBold: "\u254B",
  lineUpDownBoldLeftBoldRightBold: "\u2548",
  lineUpBoldDownLeftBoldRightBold: "\u2547",
  lineUpBoldDownBoldLeftRightBold: "\u254A",
  lineUpBoldDownBoldLeftBoldRight: "\u2549",
  lineUpBoldDownLeftRight: "\u2540",
  lineUpDownBoldLeftRight: "\u2541",
  lineUpDownLeftBoldRight: "\u253D",
  lineUpDownLeftRightBold: "\u253E",
  lineUpBoldDownBoldLeftRight: "\u2542",
  lineUpDownLeftBoldRightBold: "\u253F",
  lineUpBoldDownLeftBoldRight: "\u2543",
  lineUpBoldDownLeftRightBold: "\u2544",
  lineUpDownBoldLeftBoldRight: "\u2545",
  lineUpDownBoldLeftRightBold: "\u2546",
  lineUpDoubleDownDoubleLeftDoubleRightDouble: "\u256C",
  lineUpDoubleDownDoubleLeftRight: "\u256B",
  lineUpDownLeftDoubleRightDouble: "\u256A",
  lineCross: "\u2573",
  lineBackslash: "\u2572",
  lineSlash: "\u2571"
};
var specialMainSymbols = {
  tick: "\u2714",
  info: "\u2139",
  warning: "\u26A0",
  cross: "\u2718",
  squareSmall: "\u25FB",
  squareSmallFilled: "\u25FC",
  circle: "\u25EF",
  circleFilled: "\u25C9",
  circleDotted: "\u25CC",
  circleDouble: "\u25CE",
  circleCircle: "\u24DE",
  circleCross: "\u24E7",
  circlePipe: "\u24BE",
  radioOn: "\u25C9",
  radioOff: "\u25EF",
  checkboxOn: "\u2612",
  checkboxOff: "\u2610",
  checkboxCircleOn: "\u24E7",
  checkboxCircleOff: "\u24BE",
  pointer: "\u276F",
  triangleUpOutline: "\u25B3",
  triangleLeft: "\u25C0",
  triangleRight: "\u25B6",
  lozenge: "\u25C6",
  lozengeOutline: "\u25C7",
  hamburger: "\u2630",
  smiley: "\u32E1",
  mustache: "\u0DF4",
  star: "\u2605",
  play: "\u25B6",
  nodejs: "\u2B22",
  oneSeventh: "\u2150",
  oneNinth: "\u2151",
  oneTenth: "\u2152"
};
var specialFallbackSymbols = {
  tick: "\u221A",
  info: "i",
  warning: "\u203C",
  cross: "\xD7",
  squareSmall: "\u25A1",
  squareSmallFilled: "\u25A0",
  circle: "( )",
  circleFilled: "(*)",
  circleDotted: "( )",
  circleDouble: "( )",
  circleCircle: "(\u25CB)",
  circleCross: "(\xD7)",
  circlePipe: "(\u2502)",
  radioOn: "(*)",
  radioOff: "( )",
  checkboxOn: "[\xD7]",
  checkboxOff: "[ ]",
  checkboxCircleOn: "(\xD7)",
  checkboxCircleOff: "( )",
  pointer: ">",
  triangleUpOutline: "\u2206",
  triangleLeft: "\u25C4",
  triangleRight: "\u25BA",
  lozenge: "\u2666",
  lozengeOutline: "\u25CA",
  hamburger: "\u2261",
  smiley: "\u263A",
  mustache: "\u250C\u2500\u2510",
  star: "\u2736",
  play: "\u25BA",
  nodejs: "\u2666",
  oneSeventh: "1/7",
  oneNinth: "1/9",
  oneTenth: "1/10"
};
var mainSymbols = { ...common, ...specialMainSymbols };
var fallbackSymbols = { ...common, ...specialFallbackSymbols };
var shouldUseMain = isUnicodeSupported();
var figures = shouldUseMain ? mainSymbols : fallbackSymbols;
var figures_default = figures;
var replacements = Object.entries(specialMainSymbols);

// node_modules/yoctocolors/base.js
import tty from "node:tty";
var hasColors = tty?.WriteStream?.prototype?.hasColors?.() ?? false;
var format = (open2, close) => {
  if (!hasColors) {
    return (input) => input;
  }
  const openCode = `\x1B[${open2}m`;
  const closeCode = `\x1B[${close}m`;
  return (input) => {
    const string = input + "";
    let index = string.indexOf(closeCode);
    if (index === -1) {
      return openCode + string + closeCode;
    }
    let result = openCode;
    let lastIndex = 0;
    const reopenOnNestedClose = close === 22;
    const replaceCode = (reopenOnNestedClose ? closeCode : "") + openCode;
    while (index !== -1) {
      result += string.slice(lastIndex, index) + replaceCode;
      lastIndex = index + closeCode.length;
      index = string.indexOf(closeCode, lastIndex);
    }
    result += string.slice(lastIndex) + closeCode;
    return result;
  };
};
var reset = format(0, 0);
var bold = format(1, 22);
var dim = format(2, 22);
var italic = format(3, 23);
var underline = format(4, 24);
var underlineDouble = format("4:2", 24);
var underlineCurly = format("4:3", 24);
var underlineDotted = format("4:4", 24);
var underlineDashed = format("4:5", 24);
var overline = format(53, 55);
var inverse = format(7, 27);
var hidden = format(8, 28);
var strikethrough = format(9, 29);
var black = format(30, 39);
var red = format(31, 39);
var green = format(32, 39);
var yellow = format(33, 39);
var blue = format(34, 39);
var magenta = format(35, 39);
var cyan = format(36, 39);
var white = format(37, 39);
var gray = format(90, 39);
var bgBlack = format(40, 49);
var bgRed = format(41, 49);
var bgGreen = format(42, 49);
var bgYellow = format(43, 49);
var bgBlue = format(44, 49);
var bgMagenta = format(45, 49);
var bgCyan = format(46, 49);
var bgWhite = format(47, 49);
var bgGray = format(100, 49);
var redBright = format(91, 39);
var greenBright = format(92, 39);
var yellowBright = format(93, 39);
var blueBright = format(94, 39);
var magentaBright = format(95, 39);
var cyanBright = format(96, 39);
var whiteBright = format(97, 39);
var bgRedBright = format(101, 49);
var bgGreenBright = format(102, 49);
var bgYellowBright = format(103, 49);
var bgBlueBright = format(104, 49);
var bgMagentaBright = format(105, 49);
var bgCyanBright = format(106, 49);
var bgWhiteBright = format(107, 49);
var underlineBlack = format("58;5;0", 59);
var underlineRed = format("58;5;1", 59);
var underlineGreen = format("58;5;2", 59);
var underlineYellow = format("58;5;3", 59);
var underlineBlue = format("58;5;4", 59);
var underlineMagenta = format("58;5;5", 59);
var underlineCyan = format("58;5;6", 59);
var underlineWhite = format("58;5;7", 59);
var underlineGray = format("58;5;8", 59);
var underlineRedBright = format("58;5;9", 59);
var underlineGreenBright = format("58;5;10", 59);
var underlineYellowBright = format("58;5;11", 59);
var underlineBlueBright = format("58;5;12", 59);
var underlineMagentaBright = format("58;5;13", 59);
var underlineCyanBright = format("58;5;14", 59);
var underlineWhiteBright = format("58;5;15", 59);

// node_modules/execa/lib/verbose/default.js
var hasColors2 = process4.env.FORCE_COLOR !== void 0 || process4.stderr.isTTY === true;
var identity = (string) => string;
var getColor = (color) => hasColors2 ? color : identity;
var gray2 = getColor(gray);
var bold2 = getColor(bold);
var redBright2 = getColor(redBright);
var yellowBright2 = getColor(yellowBright);
var defaultVerboseFunction = ({
  type,
  message,
  timestamp,
  piped,
  commandId,
  result: { failed = false } = {},
  options: { reject = true }
}) => {
  const timestampString = serializeTimestamp(timestamp);
  const icon = ICONS[type]({ failed, reject, piped });
  const color = COLORS[type]({ reject });
  return `${gray2(`[${timestampString}]`)} ${gray2(`[${commandId}]`)} ${color(icon)} ${color(message)}`;
};
var serializeTimestamp = (timestamp) => `${padField(timestamp.getHours(), 2)}:${padField(timestamp.getMinutes(), 2)}:${padField(timestamp.getSeconds(), 2)}.${padField(timestamp.getMilliseconds(), 3)}`;
var padField = (field, padding2) => String(field).padStart(padding2, "0");
var getFinalIcon = ({ failed, reject }) => {
  if (!failed) {
    return figures_default.tick;
  }
  return reject ? figures_default.cross : figures_default.warning;
};
var ICONS = {
  command: ({ piped }) => piped ? "|" : "$",
  output: () => " ",
  ipc: () => "*",
  error: getFinalIcon,
  duration: getFinalIcon
};
var COLORS = {
  command: () => bold2,
  output: () => identity,
  ipc: () => identity,
  error: ({ reject }) => reject ? redBright2 : yellowBright2,
  duration: () => gray2
};

// node_modules/execa/lib/verbose/custom.js
var applyVerboseOnLines = (printedLines, verboseInfo, fdNumber) => {
  const verboseFunction = getVerboseFunction(verboseInfo, fdNumber);
  return printedLines.map(({ verboseLine, verboseObject }) => applyVerboseFunction(verboseLine, verboseObject, verboseFunction)).filter((printedLine) => printedLine !== void 0).map((printedLine) => appendNewline(printedLine)).join("");
};
var applyVerboseFunction = (verboseLine, verboseObject, verboseFunction) => {
  if (verboseFunction === void 0) {
    return verboseLine;
  }
  const printedLine = verboseFunction(verboseLine, verboseObject);
  if (typeof printedLine === "string") {
    return printedLine;
  }
};
var appendNewline = (printedLine) => printedLine.endsWith("\n") ? printedLine : `${printedLine}
`;

// node_modules/execa/lib/verbose/log.js
var verboseLog = ({ type, verboseMessage, fdNumber, verboseInfo, result }) => {
  const verboseObject = getVerboseObject({ type, result, verboseInfo });
  const printedLines = getPrintedLines(verboseMessage, verboseObject);
  const finalLines = applyVerboseOnLines(printedLines, verboseInfo, fdNumber);
  if (finalLines !== "") {
    console.warn(finalLines.slice(0, -1));
  }
};
var getVerboseObject = ({ type, result, verboseInfo }) => {
  const { escapedCommand, commandId, rawOptions } = verboseInfo;
  const { piped = false, ...options } = rawOptions;
  return {
    type,
    escapedCommand,
    commandId: `${commandId}`,
    timestamp: /* @__PURE__ */ new Date(),
    piped,
    result,
    options
  };
};
var getPrintedLines = (verboseMessage, verboseObject) => verboseMessage.split("\n").map((message) => getPrintedLine({ ...verboseObject, message }));
var getPrintedLine = (verboseObject) => {
  const verboseLine = defaultVerboseFunction(verboseObject);
  return { verboseLine, verboseObject };
};
var serializeVerboseMessage = (message) => {
  const messageString = typeof message === "string" ? message : inspect(message);
  return escapeLines(messageString);
};

// node_modules/execa/lib/verbose/start.js
var logCommand = (escapedCommand, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  verboseLog({
    type: "command",
    verboseMessage: escapedCommand,
    verboseInfo
  });
};

// node_modules/execa/lib/verbose/info.js
var getVerboseInfo = (verbose, escapedCommand, rawOptions) => {
  validateVerbose(verbose);
  const commandId = getCommandId(verbose);
  return {
    verbose,
    escapedCommand,
    commandId,
    rawOptions
  };
};
var getCommandId = (verbose) => isVerbose({ verbose }) ? COMMAND_ID++ : void 0;
var COMMAND_ID = 0n;
var validateVerbose = (verbose) => {
  for (const fdVerbose of verbose) {
    if (fdVerbose === false) {
      throw new TypeError(`The "verbose: false" option was renamed to "verbose: 'none'".`);
    }
    if (fdVerbose === true) {
      throw new TypeError(`The "verbose: true" option was renamed to "verbose: 'short'".`);
    }
    if (!VERBOSE_VALUES.includes(fdVerbose) && !isVerboseFunction(fdVerbose)) {
      const allowedValues = VERBOSE_VALUES.map((allowedValue) => `'${allowedValue}'`).join(", ");
      throw new TypeError(`The "verbose" option must not be ${fdVerbose}. Allowed values are: ${allowedValues} or a function.`);
    }
  }
};

// node_modules/execa/lib/return/duration.js
import { hrtime } from "node:process";
var getStartTime = () => hrtime.bigint();
var getDurationMs = (startTime) => Number(hrtime.bigint() - startTime) / 1e6;

// node_modules/execa/lib/arguments/command.js
var handleCommand = (filePath, rawArguments, rawOptions) => {
  const startTime = getStartTime();
  const { command, escapedCommand } = joinCommand(filePath, rawArguments, rawOptions.shell && !rawOptions.node);
  const verbose = normalizeFdSpecificOption(rawOptions, "verbose");
  const verboseInfo = getVerboseInfo(verbose, escapedCommand, { __proto__: null, ...rawOptions });
  logCommand(escapedCommand, verboseInfo);
  return {
    command,
    escapedCommand,
    startTime,
    verboseInfo
  };
};

// node_modules/execa/lib/arguments/options.js
import path7 from "node:path";
import process9 from "node:process";

// node_modules/npm-run-path/index.js
import process5 from "node:process";
import path2 from "node:path";

// node_modules/npm-run-path/node_modules/path-key/index.js
function pathKey(options = {}) {
  const {
    env = process.env,
    platform: platform2 = process.platform
  } = options;
  if (platform2 !== "win32") {
    return "PATH";
  }
  return Object.keys(env).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import path from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
function traversePathUp(startPath) {
  return {
    *[Symbol.iterator]() {
      let currentPath = path.resolve(toPath(startPath));
      let previousPath;
      while (previousPath !== currentPath) {
        yield currentPath;
        previousPath = currentPath;
        currentPath = path.resolve(currentPath, "..");
      }
    }
  };
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/npm-run-path/index.js
var npmRunPath = ({
  cwd = process5.cwd(),
  path: pathOption = process5.env[pathKey()],
  preferLocal = true,
  execPath: execPath2 = process5.execPath,
  addExecPath = true
} = {}) => {
  const cwdPath = path2.resolve(toPath(cwd));
  const result = [];
  const pathParts = pathOption.split(path2.delimiter);
  if (preferLocal) {
    applyPreferLocal(result, pathParts, cwdPath);
  }
  if (addExecPath) {
    applyExecPath(result, pathParts, execPath2, cwdPath);
  }
  return pathOption === "" || pathOption === path2.delimiter ? `${result.join(path2.delimiter)}${pathOption}` : [...result, pathOption].join(path2.delimiter);
};
var applyPreferLocal = (result, pathParts, cwdPath) => {
  for (const directory of traversePathUp(cwdPath)) {
    const pathPart = path2.join(directory, "node_modules/.bin");
    if (!pathParts.includes(pathPart)) {
      result.push(pathPart);
    }
  }
};
var applyExecPath = (result, pathParts, execPath2, cwdPath) => {
  const pathPart = path2.resolve(cwdPath, toPath(execPath2), "..");
  if (!pathParts.includes(pathPart)) {
    result.push(pathPart);
  }
};
var npmRunPathEnv = ({ env = process5.env, ...options } = {}) => {
  env = { ...env };
  const pathName = pathKey({ env });
  options.path = env[pathName];
  env[pathName] = npmRunPath(options);
  return env;
};

// node_modules/execa/lib/terminate/kill.js
import { setTimeout as setTimeout3 } from "node:timers/promises";

// node_modules/execa/lib/terminate/signal.js
import { constants as constants3 } from "node:os";

// node_modules/human-signals/build/src/main.js
import { constants as constants2 } from "node:os";

// node_modules/human-signals/build/src/realtime.js
var getRealtimeSignals = () => {
  const length = SIGRTMAX - SIGRTMIN + 1;
  return Array.from({ length }, getRealtimeSignal);
};
var getRealtimeSignal = (value, index) => ({
  name: `SIGRT${index + 1}`,
  number: SIGRTMIN + index,
  action: "terminate",
  description: "Application-specific signal (realtime)",
  standard: "posix"
});
var SIGRTMIN = 34;
var SIGRTMAX = 64;

// node_modules/human-signals/build/src/signals.js
import { constants } from "node:os";

// node_modules/human-signals/build/src/core.js
var SIGNALS = [
  {
    name: "SIGHUP",
    number: 1,
    action: "terminate",
    description: "Terminal closed",
    standard: "posix"
  },
  {
    name: "SIGINT",
    number: 2,
    action: "terminate",
    description: "User interruption with CTRL-C",
    standard: "ansi"
  },
  {
    name: "SIGQUIT",
    number: 3,
    action: "core",
    description: "User interruption with CTRL-\\",
    standard: "posix"
  },
  {
    name: "SIGILL",
    number: 4,
    action: "core",
    description: "Invalid machine instruction",
    standard: "ansi"
  },
  {
    name: "SIGTRAP",
    number: 5,
    action: "core",
    description: "Debugger breakpoint",
    standard: "posix"
  },
  {
    name: "SIGABRT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "ansi"
  },
  {
    name: "SIGIOT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "bsd"
  },
  {
    name: "SIGBUS",
    number: 7,
    action: "core",
    description: "Bus error due to misaligned, non-existing address or paging error",
    standard: "bsd"
  },
  {
    name: "SIGEMT",
    number: 7,
    action: "terminate",
    description: "Command should be emulated but is not implemented",
    standard: "other"
  },
  {
    name: "SIGFPE",
    number: 8,
    action: "core",
    description: "Floating point arithmetic error",
    standard: "ansi"
  },
  {
    name: "SIGKILL",
    number: 9,
    action: "terminate",
    description: "Forced termination",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGUSR1",
    number: 10,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGSEGV",
    number: 11,
    action: "core",
    description: "Segmentation fault",
    standard: "ansi"
  },
  {
    name: "SIGUSR2",
    number: 12,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGPIPE",
    number: 13,
    action: "terminate",
    description: "Broken pipe or socket",
    standard: "posix"
  },
  {
    name: "SIGALRM",
    number: 14,
    action: "terminate",
    description: "Timeout or timer",
    standard: "posix"
  },
  {
    name: "SIGTERM",
    number: 15,
    action: "terminate",
    description: "Termination",
    standard: "ansi"
  },
  {
    name: "SIGSTKFLT",
    number: 16,
    action: "terminate",
    description: "Stack is empty or overflowed",
    standard: "other"
  },
  {
    name: "SIGCHLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "posix"
  },
  {
    name: "SIGCLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "other"
  },
  {
    name: "SIGCONT",
    number: 18,
    action: "unpause",
    description: "Unpaused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGSTOP",
    number: 19,
    action: "pause",
    description: "Paused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGTSTP",
    number: 20,
    action: "pause",
    description: 'Paused using CTRL-Z or "suspend"',
    standard: "posix"
  },
  {
    name: "SIGTTIN",
    number: 21,
    action: "pause",
    description: "Background process cannot read terminal input",
    standard: "posix"
  },
  {
    name: "SIGBREAK",
    number: 21,
    action: "terminate",
    description: "User interruption with CTRL-BREAK",
    standard: "other"
  },
  {
    name: "SIGTTOU",
    number: 22,
    action: "pause",
    description: "Background process cannot write to terminal output",
    standard: "posix"
  },
  {
    name: "SIGURG",
    number: 23,
    action: "ignore",
    description: "Socket received out-of-band data",
    standard: "bsd"
  },
  {
    name: "SIGXCPU",
    number: 24,
    action: "core",
    description: "Process timed out",
    standard: "bsd"
  },
  {
    name: "SIGXFSZ",
    number: 25,
    action: "core",
    description: "File too big",
    standard: "bsd"
  },
  {
    name: "SIGVTALRM",
    number: 26,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGPROF",
    number: 27,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGWINCH",
    number: 28,
    action: "ignore",
    description: "Terminal window size changed",
    standard: "bsd"
  },
  {
    name: "SIGIO",
    number: 29,
    action: "terminate",
    description: "I/O is available",
    standard: "other"
  },
  {
    name: "SIGPOLL",
    number: 29,
    action: "terminate",
    description: "Watched event",
    standard: "other"
  },
  {
    name: "SIGINFO",
    number: 29,
    action: "ignore",
    description: "Request for process information",
    standard: "other"
  },
  {
    name: "SIGPWR",
    number: 30,
    action: "terminate",
    description: "Device running out of power",
    standard: "systemv"
  },
  {
    name: "SIGSYS",
    number: 31,
    action: "core",
    description: "Invalid system call",
    standard: "other"
  },
  {
    name: "SIGUNUSED",
    number: 31,
    action: "terminate",
    description: "Invalid system call",
    standard: "other"
  }
];

// node_modules/human-signals/build/src/signals.js
var getSignals = () => {
  const realtimeSignals = getRealtimeSignals();
  const signals2 = [...SIGNALS, ...realtimeSignals].map(normalizeSignal);
  return signals2;
};
var normalizeSignal = ({
  name,
  number: defaultNumber,
  description,
  action,
  forced = false,
  standard
}) => {
  const {
    signals: { [name]: constantSignal }
  } = constants;
  const supported = constantSignal !== void 0;
  const number = supported ? constantSignal : defaultNumber;
  return { name, number, description, supported, action, forced, standard };
};

// node_modules/human-signals/build/src/main.js
var getSignalsByName = () => {
  const signals2 = getSignals();
  return Object.fromEntries(signals2.map(getSignalByName));
};
var getSignalByName = ({
  name,
  number,
  description,
  supported,
  action,
  forced,
  standard
}) => [name, { name, number, description, supported, action, forced, standard }];
var signalsByName = getSignalsByName();
var getSignalsByNumber = () => {
  const signals2 = getSignals();
  const length = SIGRTMAX + 1;
  const signalsA = Array.from(
    { length },
    (value, number) => getSignalByNumber(number, signals2)
  );
  return Object.assign({}, ...signalsA);
};
var getSignalByNumber = (number, signals2) => {
  const signal = findSignalByNumber(number, signals2);
  if (signal === void 0) {
    return {};
  }
  const { name, description, supported, action, forced, standard } = signal;
  return {
    [number]: {
      name,
      number,
      description,
      supported,
      action,
      forced,
      standard
    }
  };
};
var findSignalByNumber = (number, signals2) => {
  const signal = signals2.find(({ name }) => constants2.signals[name] === number);
  if (signal !== void 0) {
    return signal;
  }
  return signals2.find((signalA) => signalA.number === number);
};
var signalsByNumber = getSignalsByNumber();

// node_modules/execa/lib/terminate/signal.js
var normalizeKillSignal = (killSignal) => {
  const optionName = "option `killSignal`";
  if (killSignal === 0) {
    throw new TypeError(`Invalid ${optionName}: 0 cannot be used.`);
  }
  return normalizeSignal2(killSignal, optionName);
};
var normalizeSignalArgument = (signal) => signal === 0 ? signal : normalizeSignal2(signal, "`subprocess.kill()`'s argument");
var normalizeSignal2 = (signalNameOrInteger, optionName) => {
  if (Number.isInteger(signalNameOrInteger)) {
    return normalizeSignalInteger(signalNameOrInteger, optionName);
  }
  if (typeof signalNameOrInteger === "string") {
    return normalizeSignalName(signalNameOrInteger, optionName);
  }
  throw new TypeError(`Invalid ${optionName} ${String(signalNameOrInteger)}: it must be a string or an integer.
${getAvailableSignals()}`);
};
var normalizeSignalInteger = (signalInteger, optionName) => {
  if (signalsIntegerToName.has(signalInteger)) {
    return signalsIntegerToName.get(signalInteger);
  }
  throw new TypeError(`Invalid ${optionName} ${signalInteger}: this signal integer does not exist.
${getAvailableSignals()}`);
};
var getSignalsIntegerToName = () => new Map(Object.entries(constants3.signals).reverse().map(([signalName, signalInteger]) => [signalInteger, signalName]));
var signalsIntegerToName = getSignalsIntegerToName();
var normalizeSignalName = (signalName, optionName) => {
  if (signalName in constants3.signals) {
    return signalName;
  }
  if (signalName.toUpperCase() in constants3.signals) {
    throw new TypeError(`Invalid ${optionName} '${signalName}': please rename it to '${signalName.toUpperCase()}'.`);
  }
  throw new TypeError(`Invalid ${optionName} '${signalName}': this signal name does not exist.
${getAvailableSignals()}`);
};
var getAvailableSignals = () => `Available signal names: ${getAvailableSignalNames()}.
Available signal numbers: ${getAvailableSignalIntegers()}.`;
var getAvailableSignalNames = () => Object.keys(constants3.signals).sort().map((signalName) => `'${signalName}'`).join(", ");
var getAvailableSignalIntegers = () => [...new Set(Object.values(constants3.signals).sort((signalInteger, signalIntegerTwo) => signalInteger - signalIntegerTwo))].join(", ");
var getSignalDescription = (signal) => signalsByName[signal].description;

// node_modules/execa/lib/terminate/timeout.js
import { setTimeout as setTimeout2 } from "node:timers/promises";
var validateTimeout = ({ timeout }) => {
  if (timeout !== void 0) {
    validateDelay(timeout, "timeout");
  }
};
var validateDelay = (delay, optionName) => {
  if (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY) {
    throw new TypeError(`Expected the \`${optionName}\` option to be a non-negative integer up to ${MAX_DELAY}, got \`${delay}\` (${getTypeName(delay)})`);
  }
};
var MAX_DELAY = 2 ** 31 - 1;
var throwOnTimeout = (kill, timeout, context, controller) => timeout === 0 || timeout === void 0 ? [] : [killAfterTimeout(kill, timeout, context, controller)];
var killAfterTimeout = async (kill, timeout, context, { signal }) => {
  await setTimeout2(timeout, void 0, { signal });
  context.terminationReason ??= "timeout";
  kill();
  throw new DiscardedError();
};

// node_modules/execa/lib/terminate/kill.js
var normalizeForceKillAfterDelay = (forceKillAfterDelay) => {
  if (forceKillAfterDelay === false) {
    return forceKillAfterDelay;
  }
  if (forceKillAfterDelay === true) {
    return DEFAULT_FORCE_KILL_TIMEOUT;
  }
  validateDelay(forceKillAfterDelay, "forceKillAfterDelay");
  return forceKillAfterDelay;
};
var DEFAULT_FORCE_KILL_TIMEOUT = 1e3 * 5;
var subprocessKill = ({ kill, options: { forceKillAfterDelay, killSignal }, onInternalError, context, controller }, signalOrError, errorArgument) => {
  const { signal, error } = parseKillArguments(signalOrError, errorArgument, killSignal);
  emitKillError(error, onInternalError);
  const killResult = kill(signal);
  setKillTimeout({
    kill,
    signal,
    forceKillAfterDelay,
    killSignal,
    killResult,
    context,
    controller
  });
  return killResult;
};
var parseKillArguments = (signalOrError, errorArgument, killSignal) => {
  const [signal = killSignal, error] = isErrorInstance(signalOrError) ? [void 0, signalOrError] : [signalOrError, errorArgument];
  if (typeof signal !== "string" && !Number.isInteger(signal)) {
    throw new TypeError(`The first argument must be an error instance or a signal name string/integer: ${String(signal)}`);
  }
  if (error !== void 0 && !isErrorInstance(error)) {
    throw new TypeError(`The second argument is optional. If specified, it must be an error instance: ${error}`);
  }
  return { signal: normalizeSignalArgument(signal), error };
};
var emitKillError = (error, onInternalError) => {
  if (error !== void 0) {
    onInternalError.reject(error);
  }
};
var setKillTimeout = async ({ kill, signal, forceKillAfterDelay, killSignal, killResult, context, controller }) => {
  if (signal === killSignal && killResult) {
    killOnTimeout({
      kill,
      forceKillAfterDelay,
      context,
      controllerSignal: controller.signal
    });
  }
};
var killOnTimeout = async ({ kill, forceKillAfterDelay, context, controllerSignal }) => {
  if (forceKillAfterDelay === false) {
    return;
  }
  try {
    await setTimeout3(forceKillAfterDelay, void 0, { signal: controllerSignal });
    if (kill("SIGKILL")) {
      context.isForcefullyTerminated ??= true;
    }
  } catch {
  }
};

// node_modules/execa/lib/utils/abort-signal.js
import { once } from "node:events";
var onAbortedSignal = async (mainSignal, stopSignal) => {
  if (!mainSignal.aborted) {
    await once(mainSignal, "abort", { signal: stopSignal });
  }
};
var validateAbortSignal = (signal, optionName) => {
  if (signal !== void 0 && Object.prototype.toString.call(signal) !== "[object AbortSignal]") {
    throw new TypeError(`The \`${optionName}\` option must be an AbortSignal: ${String(signal)}.`);
  }
};

// node_modules/execa/lib/terminate/cancel.js
var validateCancelSignal = ({ cancelSignal }) => {
  validateAbortSignal(cancelSignal, "cancelSignal");
};
var validateRenamedSignalOption = ({ signal }) => {
  if (signal !== void 0) {
    throw new TypeError('The "signal" option has been renamed to "cancelSignal" instead.');
  }
};
var throwOnCancel = ({ kill, cancelSignal, gracefulCancel, context, controller }) => cancelSignal === void 0 || gracefulCancel ? [] : [terminateOnCancel(kill, cancelSignal, context, controller)];
var terminateOnCancel = async (kill, cancelSignal, context, { signal }) => {
  await onAbortedSignal(cancelSignal, signal);
  context.terminationReason ??= "cancel";
  kill();
  throw cancelSignal.reason;
};

// node_modules/execa/lib/ipc/graceful.js
import { scheduler as scheduler2 } from "node:timers/promises";

// node_modules/execa/lib/ipc/send.js
import { promisify as promisify2 } from "node:util";

// node_modules/execa/lib/ipc/validation.js
import { inspect as inspect2 } from "node:util";
var validateIpcMethod = ({ methodName, isSubprocess, ipc, isConnected: isConnected2 }) => {
  validateIpcOption(methodName, isSubprocess, ipc);
  validateConnection(methodName, isSubprocess, isConnected2);
};
var validateIpcOption = (methodName, isSubprocess, ipc) => {
  if (!ipc) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} can only be used if the \`ipc\` option is \`true\`.`);
  }
};
var validateConnection = (methodName, isSubprocess, isConnected2) => {
  if (!isConnected2) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} has already exited or disconnected.`);
  }
};
var throwOnEarlyDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("getOneMessage", isSubprocess)} could not complete: the ${getOtherProcessName(isSubprocess)} exited or disconnected.`);
};
var throwOnStrictDeadlockError = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is sending a message too, instead of listening to incoming messages.
This can be fixed by both sending a message and listening to incoming messages at the same time:

const [receivedMessage] = await Promise.all([
	${getMethodName("getOneMessage", isSubprocess)},
	${getMethodName("sendMessage", isSubprocess, "message, {strict: true}")},
]);`);
};
var getStrictResponseError = (error, isSubprocess) => new Error(`${getMethodName("sendMessage", isSubprocess)} failed when sending an acknowledgment response to the ${getOtherProcessName(isSubprocess)}.`, { cause: error });
var throwOnMissingStrict = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is not listening to incoming messages.`);
};
var throwOnStrictDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} exited without listening to incoming messages.`);
};
var getAbortDisconnectError = () => new Error(`\`cancelSignal\` aborted: the ${getOtherProcessName(true)} disconnected.`);
var throwOnMissingParent = () => {
  throw new Error("`getCancelSignal()` cannot be used without setting the `gracefulCancel` option to `true`.");
};
var handleEpipeError = ({ error, methodName, isSubprocess }) => {
  if (error.code === "EPIPE") {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} is disconnecting.`, { cause: error });
  }
};
var handleSerializationError = ({ error, methodName, isSubprocess, message }) => {
  if (isSerializationError(error)) {
    throw new Error(`${getMethodName(methodName, isSubprocess)}'s argument type is invalid: the message cannot be serialized: ${serializeInvalidMessage(message)}.`, { cause: error });
  }
};
var serializeInvalidMessage = (message) => {
  try {
    return String(message);
  } catch {
    return inspect2(message);
  }
};
var isSerializationError = ({ code, message }) => SERIALIZATION_ERROR_CODES.has(code) || SERIALIZATION_ERROR_MESSAGES.some((serializationErrorMessage) => message.includes(serializationErrorMessage));
var SERIALIZATION_ERROR_CODES = /* @__PURE__ */ new Set([
  // Message is `undefined`
  "ERR_MISSING_ARGS",
  // Message is a function, a bigint, a symbol
  "ERR_INVALID_ARG_TYPE"
]);
var SERIALIZATION_ERROR_MESSAGES = [
  // Message is a promise or a proxy, with `serialization: 'advanced'`
  "could not be cloned",
  // Message has cycles, with `serialization: 'json'`
  "circular structure",
  // Message has cycles inside toJSON(), with `serialization: 'json'`
  "call stack size exceeded"
];
var getMethodName = (methodName, isSubprocess, parameters = "") => methodName === "cancelSignal" ? "`cancelSignal`'s `controller.abort()`" : `${getNamespaceName(isSubprocess)}${methodName}(${parameters})`;
var getNamespaceName = (isSubprocess) => isSubprocess ? "" : "subprocess.";
var getOtherProcessName = (isSubprocess) => isSubprocess ? "parent process" : "subprocess";
var disconnect = (anyProcess) => {
  if (anyProcess.connected) {
    anyProcess.disconnect();
  }
};

// node_modules/execa/lib/utils/deferred.js
var createDeferred = () => {
  const methods = {};
  const promise = new Promise((resolve10, reject) => {
    Object.assign(methods, { resolve: resolve10, reject });
  });
  return Object.assign(promise, methods);
};

// node_modules/execa/lib/ipc/strict.js
import { once as once3 } from "node:events";

// node_modules/execa/lib/utils/max-listeners.js
import { addAbortListener } from "node:events";
var incrementMaxListeners = (eventEmitter, maxListenersIncrement, signal) => {
  const maxListeners = eventEmitter.getMaxListeners();
  if (maxListeners === 0 || maxListeners === Infinity) {
    return;
  }
  eventEmitter.setMaxListeners(maxListeners + maxListenersIncrement);
  addAbortListener(signal, () => {
    eventEmitter.setMaxListeners(eventEmitter.getMaxListeners() - maxListenersIncrement);
  });
};

// node_modules/execa/lib/ipc/forward.js
import { EventEmitter } from "node:events";

// node_modules/execa/lib/ipc/incoming.js
import { once as once2 } from "node:events";
import { scheduler } from "node:timers/promises";

// node_modules/execa/lib/ipc/reference.js
var addReference = (channel, reference) => {
  if (reference) {
    addReferenceCount(channel);
  }
};
var addReferenceCount = (channel) => {
  channel.refCounted();
};
var removeReference = (channel, reference) => {
  if (reference) {
    removeReferenceCount(channel);
  }
};
var removeReferenceCount = (channel) => {
  channel.unrefCounted();
};
var undoAddedReferences = (channel, isSubprocess) => {
  if (!isSubprocess) {
    return;
  }
  removeReferenceCount(channel);
  removeReferenceCount(channel);
};
var redoAddedReferences = (channel, isSubprocess) => {
  if (!isSubprocess) {
    return;
  }
  addReferenceCount(channel);
  addReferenceCount(channel);
};

// node_modules/execa/lib/ipc/incoming.js
var onMessage = async ({ anyProcess, channel, isSubprocess, ipcEmitter }, wrappedMessage) => {
  if (handleStrictResponse(wrappedMessage, anyProcess) || isSubprocess && handleAbort(wrappedMessage)) {
    return;
  }
  if (!INCOMING_MESSAGES.has(anyProcess)) {
    INCOMING_MESSAGES.set(anyProcess, []);
  }
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  incomingMessages.push(wrappedMessage);
  if (incomingMessages.length > 1) {
    return;
  }
  while (incomingMessages.length > 0) {
    await waitForOutgoingMessages(anyProcess, ipcEmitter, incomingMessages[0]);
    await scheduler.yield();
    const message = await handleStrictRequest({
      wrappedMessage: incomingMessages[0],
      anyProcess,
      channel,
      isSubprocess,
      ipcEmitter
    });
    incomingMessages.shift();
    ipcEmitter.emit("message", message);
    ipcEmitter.emit("message:done");
  }
};
var onDisconnect = async ({ anyProcess, channel, isSubprocess, ipcEmitter, boundOnMessage }) => {
  if (isSubprocess) {
    abortOnDisconnect();
  }
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  while (incomingMessages?.length > 0) {
    await once2(ipcEmitter, "message:done");
  }
  anyProcess.removeListener("message", boundOnMessage);
  redoAddedReferences(channel, isSubprocess);
  ipcEmitter.connected = false;
  ipcEmitter.emit("disconnect");
};
var INCOMING_MESSAGES = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/forward.js
var getIpcEmitter = (anyProcess, channel, isSubprocess) => {
  if (IPC_EMITTERS.has(anyProcess)) {
    return IPC_EMITTERS.get(anyProcess);
  }
  const ipcEmitter = new EventEmitter();
  ipcEmitter.setMaxListeners(0);
  ipcEmitter.connected = true;
  IPC_EMITTERS.set(anyProcess, ipcEmitter);
  forwardEvents({
    ipcEmitter,
    anyProcess,
    channel,
    isSubprocess
  });
  return ipcEmitter;
};
var IPC_EMITTERS = /* @__PURE__ */ new WeakMap();
var forwardEvents = ({ ipcEmitter, anyProcess, channel, isSubprocess }) => {
  const boundOnMessage = onMessage.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter
  });
  anyProcess.on("message", boundOnMessage);
  anyProcess.once("disconnect", onDisconnect.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter,
    boundOnMessage
  }));
  undoAddedReferences(channel, isSubprocess);
};
var isConnected = (anyProcess) => {
  const ipcEmitter = IPC_EMITTERS.get(anyProcess);
  return ipcEmitter === void 0 ? anyProcess.channel !== void 0 && anyProcess.channel !== null : ipcEmitter.connected;
};

// node_modules/execa/lib/ipc/strict.js
var handleSendStrict = ({ anyProcess, channel, isSubprocess, message, strict }) => {
  if (!strict) {
    return message;
  }
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const hasListeners = hasMessageListeners(anyProcess, ipcEmitter);
  return {
    id: count++,
    type: REQUEST_TYPE,
    message,
    hasListeners
  };
};
var count = 0;
var validateStrictDeadlock = (outgoingMessages, wrappedMessage) => {
  if (!isStrictRequest(wrappedMessage) || wrappedMessage.hasListeners) {
    return;
  }
  for (const { id } of outgoingMessages) {
    if (id !== void 0) {
      STRICT_RESPONSES[id].deferred.resolve({ isDeadlock: true, hasListeners: false });
    }
  }
};
var handleStrictRequest = async ({ wrappedMessage, anyProcess, channel, isSubprocess, ipcEmitter }) => {
  if (!isStrictRequest(wrappedMessage)) {
    return wrappedMessage;
  }
  const { id, message } = wrappedMessage;
  if (!anyProcess.connected) {
    return message;
  }
  const response = { id, type: RESPONSE_TYPE, message: hasMessageListeners(anyProcess, ipcEmitter) };
  try {
    await sendMessage({
      anyProcess,
      channel,
      isSubprocess,
      ipc: true
    }, response);
  } catch (error) {
    if (error.cause?.code !== "EPIPE") {
      ipcEmitter.emit("strict:error", error);
    }
  }
  return message;
};
var handleStrictResponse = (wrappedMessage, anyProcess) => {
  if (wrappedMessage?.type !== RESPONSE_TYPE) {
    return false;
  }
  const { id, message: hasListeners } = wrappedMessage;
  const strictResponse = STRICT_RESPONSES[id];
  if (strictResponse?.anyProcess === anyProcess) {
    strictResponse.deferred.resolve({ isDeadlock: false, hasListeners });
  }
  return true;
};
var waitForStrictResponse = async (wrappedMessage, anyProcess, isSubprocess) => {
  const deferred = createDeferred();
  STRICT_RESPONSES[wrappedMessage.id] = { deferred, anyProcess };
  const controller = new AbortController();
  try {
    const { isDeadlock, hasListeners } = await Promise.race([
      deferred,
      throwOnDisconnect(anyProcess, isSubprocess, controller)
    ]);
    if (isDeadlock) {
      throwOnStrictDeadlockError(isSubprocess);
    }
    if (!hasListeners) {
      throwOnMissingStrict(isSubprocess);
    }
  } finally {
    controller.abort();
    delete STRICT_RESPONSES[wrappedMessage.id];
  }
};
var STRICT_RESPONSES = { __proto__: null };
var throwOnDisconnect = async (anyProcess, isSubprocess, { signal }) => {
  incrementMaxListeners(anyProcess, 1, signal);
  await once3(anyProcess, "disconnect", { signal });
  throwOnStrictDisconnect(isSubprocess);
};
var REQUEST_TYPE = "execa:ipc:request";
var RESPONSE_TYPE = "execa:ipc:response";
var isStrictRequest = (wrappedMessage) => wrappedMessage?.type === REQUEST_TYPE && Number.isInteger(wrappedMessage.id) && typeof wrappedMessage.hasListeners === "boolean";

// node_modules/execa/lib/ipc/outgoing.js
var startSendMessage = (anyProcess, wrappedMessage, strict) => {
  if (!OUTGOING_MESSAGES.has(anyProcess)) {
    OUTGOING_MESSAGES.set(anyProcess, /* @__PURE__ */ new Set());
  }
  const outgoingMessages = OUTGOING_MESSAGES.get(anyProcess);
  const onMessageSent = createDeferred();
  const id = strict ? wrappedMessage.id : void 0;
  const outgoingMessage = { onMessageSent, id };
  outgoingMessages.add(outgoingMessage);
  return { outgoingMessages, outgoingMessage };
};
var endSendMessage = ({ outgoingMessages, outgoingMessage }) => {
  outgoingMessages.delete(outgoingMessage);
  outgoingMessage.onMessageSent.resolve();
};
var waitForOutgoingMessages = async (anyProcess, ipcEmitter, wrappedMessage) => {
  while (!hasMessageListeners(anyProcess, ipcEmitter) && OUTGOING_MESSAGES.get(anyProcess)?.size > 0) {
    const outgoingMessages = [...OUTGOING_MESSAGES.get(anyProcess)];
    validateStrictDeadlock(outgoingMessages, wrappedMessage);
    await Promise.all(outgoingMessages.map(({ onMessageSent }) => onMessageSent));
  }
};
var OUTGOING_MESSAGES = /* @__PURE__ */ new WeakMap();
var IPC_SUBPROCESS_OPTIONS = /* @__PURE__ */ new WeakMap();
var setIpcSubprocessOptions = (subprocess, options) => {
  IPC_SUBPROCESS_OPTIONS.set(subprocess, options);
};
var hasMessageListeners = (anyProcess, ipcEmitter) => ipcEmitter.listenerCount("message") > getMinListenerCount(anyProcess);
var getMinListenerCount = (anyProcess) => getOptions(anyProcess) !== void 0 && !getFdSpecificValue(getOptions(anyProcess).buffer, "ipc") ? 1 : 0;
var getOptions = (anyProcess) => IPC_SUBPROCESS_OPTIONS.get(anyProcess);

// node_modules/execa/lib/ipc/send.js
var sendMessage = ({ anyProcess, channel, isSubprocess, ipc }, message, options) => {
  const { strict = false } = copyOptions(options);
  checkBooleanOption(strict, "strict");
  const methodName = "sendMessage";
  validateIpcMethod({
    methodName,
    isSubprocess,
    ipc,
    isConnected: anyProcess.connected
  });
  return sendMessageAsync({
    anyProcess,
    channel,
    methodName,
    isSubprocess,
    message,
    strict
  });
};
var sendMessageAsync = async ({ anyProcess, channel, methodName, isSubprocess, message, strict }) => {
  const wrappedMessage = handleSendStrict({
    anyProcess,
    channel,
    isSubprocess,
    message,
    strict
  });
  const outgoingMessagesState = startSendMessage(anyProcess, wrappedMessage, strict);
  try {
    await sendOneMessage({
      anyProcess,
      methodName,
      isSubprocess,
      wrappedMessage,
      message,
      strict
    });
  } catch (error) {
    disconnect(anyProcess);
    throw error;
  } finally {
    endSendMessage(outgoingMessagesState);
  }
};
var sendOneMessage = async ({ anyProcess, methodName, isSubprocess, wrappedMessage, message, strict = false }) => {
  const sendMethod = getSendMethod(anyProcess);
  try {
    await Promise.all([
      // Only messages sent with the `strict` option wait for an acknowledgment response
      strict ? waitForStrictResponse(wrappedMessage, anyProcess, isSubprocess) : void 0,
      sendMethod(wrappedMessage)
    ]);
  } catch (error) {
    handleEpipeError({ error, methodName, isSubprocess });
    handleSerializationError({
      error,
      methodName,
      isSubprocess,
      message
    });
    throw error;
  }
};
var getSendMethod = (anyProcess) => {
  if (PROCESS_SEND_METHODS.has(anyProcess)) {
    return PROCESS_SEND_METHODS.get(anyProcess);
  }
  const sendMethod = promisify2(anyProcess.send.bind(anyProcess));
  PROCESS_SEND_METHODS.set(anyProcess, sendMethod);
  return sendMethod;
};
var PROCESS_SEND_METHODS = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/graceful.js
var sendAbort = (subprocess, message) => {
  const methodName = "cancelSignal";
  validateConnection(methodName, false, subprocess.connected);
  return sendOneMessage({
    anyProcess: subprocess,
    methodName,
    isSubprocess: false,
    wrappedMessage: { type: GRACEFUL_CANCEL_TYPE, message },
    message
  });
};
var getCancelSignal = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  await startIpc({
    anyProcess,
    channel,
    isSubprocess,
    ipc
  });
  return cancelController.signal;
};
var startIpc = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  if (isCancelListening) {
    return;
  }
  if (!ipc) {
    throwOnMissingParent();
    return;
  }
  isCancelListening = true;
  if (!anyProcess.connected) {
    abortOnDisconnect();
    return;
  }
  getIpcEmitter(anyProcess, channel, isSubprocess);
  await scheduler2.yield();
};
var isCancelListening = false;
var handleAbort = (wrappedMessage) => {
  if (wrappedMessage?.type !== GRACEFUL_CANCEL_TYPE) {
    return false;
  }
  cancelController.abort(wrappedMessage.message);
  return true;
};
var GRACEFUL_CANCEL_TYPE = "execa:ipc:cancel";
var abortOnDisconnect = () => {
  cancelController.abort(getAbortDisconnectError());
};
var cancelController = new AbortController();

// node_modules/execa/lib/terminate/graceful.js
var validateGracefulCancel = ({ gracefulCancel, cancelSignal, ipc, serialization }) => {
  if (!gracefulCancel) {
    return;
  }
  if (cancelSignal === void 0) {
    throw new Error("The `cancelSignal` option must be defined when setting the `gracefulCancel` option.");
  }
  if (!ipc) {
    throw new Error("The `ipc` option cannot be false when setting the `gracefulCancel` option.");
  }
  if (serialization === "json") {
    throw new Error("The `serialization` option cannot be 'json' when setting the `gracefulCancel` option.");
  }
};
var throwOnGracefulCancel = ({
  subprocess,
  kill,
  cancelSignal,
  gracefulCancel,
  forceKillAfterDelay,
  context,
  controller
}) => gracefulCancel ? [sendOnAbort({
  subprocess,
  kill,
  cancelSignal,
  forceKillAfterDelay,
  context,
  controller
})] : [];
var sendOnAbort = async ({ subprocess, kill, cancelSignal, forceKillAfterDelay, context, controller: { signal } }) => {
  await onAbortedSignal(cancelSignal, signal);
  const reason = getReason(cancelSignal);
  await sendAbort(subprocess, reason);
  killOnTimeout({
    kill,
    forceKillAfterDelay,
    context,
    controllerSignal: signal
  });
  context.terminationReason ??= "gracefulCancel";
  throw cancelSignal.reason;
};
var getReason = ({ reason }) => {
  if (!(reason instanceof DOMException)) {
    return reason;
  }
  const error = new Error(reason.message);
  Object.defineProperty(error, "stack", {
    value: reason.stack,
    enumerable: false,
    configurable: true,
    writable: true
  });
  return error;
};

// node_modules/execa/lib/methods/node.js
import { execPath, execArgv } from "node:process";
import path3 from "node:path";
var mapNode = ({ options }) => {
  if (options.node === false) {
    throw new TypeError('The "node" option cannot be false with `execaNode()`.');
  }
  return { options: { __proto__: null, ...options, node: true } };
};
var getDefaultNodeOptions = () => {
  const nodeOptions = [];
  for (let index = 0; index < execArgv.length; index += 1) {
    const nodeOption = execArgv[index];
    if (REMOVED_OPTIONS_WITH_VALUE.has(nodeOption)) {
      if (!execArgv[index + 1]?.startsWith("-")) {
        index += 1;
      }
    } else if (!IGNORED_OPTIONS_REGEXP.test(nodeOption)) {
      nodeOptions.push(nodeOption);
    }
  }
  return nodeOptions;
};
var REMOVED_OPTIONS_WITH_VALUE = /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print", "-pe", "--input-type", "--inspect-port"]);
var IGNORED_OPTIONS_REGEXP = /^--(?:inspect|eval=|print=|input-type=)/;
var handleNodeOption = (file, commandArguments, {
  node: shouldHandleNode = false,
  nodePath = execPath,
  nodeOptions = getDefaultNodeOptions(),
  cwd,
  execPath: formerNodePath,
  ...options
}) => {
  if (formerNodePath !== void 0) {
    throw new TypeError('The "execPath" option has been removed. Please use the "nodePath" option instead.');
  }
  if (!Array.isArray(nodeOptions) || nodeOptions.some((nodeOption) => typeof nodeOption !== "string")) {
    throw new TypeError('The "nodeOptions" option must be an array of strings.');
  }
  const normalizedNodePath = safeNormalizeFileUrl(nodePath, 'The "nodePath" option');
  const resolvedNodePath = path3.resolve(cwd, normalizedNodePath);
  const newOptions = {
    __proto__: null,
    shell: false,
    ...options,
    nodePath: resolvedNodePath,
    node: shouldHandleNode,
    cwd
  };
  if (!shouldHandleNode) {
    return [file, commandArguments, newOptions];
  }
  if (path3.basename(file, ".exe") === "node") {
    throw new TypeError('When the "node" option is true, the first argument does not need to be "node".');
  }
  return [
    resolvedNodePath,
    [
      ...nodeOptions,
      file,
      ...commandArguments
    ],
    {
      __proto__: null,
      ...newOptions,
      // Like other options, `undefined` uses the default value
      ipc: newOptions.ipc === void 0 ? true : newOptions.ipc,
      shell: false
    }
  ];
};

// node_modules/execa/lib/ipc/ipc-input.js
import { serialize } from "node:v8";
var validateIpcInputOption = ({ ipcInput, ipc, serialization }) => {
  if (ipcInput === void 0) {
    return;
  }
  if (!ipc) {
    throw new Error("The `ipcInput` option cannot be set unless the `ipc` option is `true`.");
  }
  validateIpcInput[serialization]?.(ipcInput);
};
var validateAdvancedInput = (ipcInput) => {
  try {
    serialize(ipcInput);
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with a structured clone.", { cause: error });
  }
};
var validateJsonInput = (ipcInput) => {
  try {
    if (JSON.stringify(ipcInput) === void 0) {
      throw new TypeError("The value cannot be represented as JSON.");
    }
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with JSON.", { cause: error });
  }
};
var validateIpcInput = {
  __proto__: null,
  advanced: validateAdvancedInput,
  json: validateJsonInput
};
var sendIpcInput = async (subprocess, ipcInput, ipc) => {
  if (ipcInput === void 0) {
    return;
  }
  await sendMessage({
    anyProcess: subprocess,
    channel: subprocess.channel,
    isSubprocess: false,
    ipc
  }, ipcInput);
};

// node_modules/execa/lib/arguments/encoding-option.js
var validateEncoding = ({ encoding }) => {
  if (ENCODINGS.has(encoding)) {
    return;
  }
  const correctEncoding = getCorrectEncoding(encoding);
  if (correctEncoding !== void 0) {
    throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to ${serializeEncoding(correctEncoding)}.`);
  }
  const correctEncodings = [...ENCODINGS].map((correctEncoding2) => serializeEncoding(correctEncoding2)).join(", ");
  throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to one of: ${correctEncodings}.`);
};
var TEXT_ENCODINGS = /* @__PURE__ */ new Set(["utf8", "utf16le"]);
var BINARY_ENCODINGS = /* @__PURE__ */ new Set(["buffer", "hex", "base64", "base64url", "latin1", "ascii"]);
var ENCODINGS = TEXT_ENCODINGS.union(BINARY_ENCODINGS);
var getStringEncoding = (binary, encoding) => binary || !TEXT_ENCODINGS.has(encoding) ? "utf8" : encoding;
var getInputEncoding = (encoding) => TEXT_ENCODINGS.has(encoding) ? "utf8" : encoding;
var getCorrectEncoding = (encoding) => {
  if (encoding === null) {
    return "buffer";
  }
  if (typeof encoding !== "string") {
    return;
  }
  const lowerEncoding = encoding.toLowerCase();
  if (lowerEncoding in ENCODING_ALIASES) {
    return ENCODING_ALIASES[lowerEncoding];
  }
  if (ENCODINGS.has(lowerEncoding)) {
    return lowerEncoding;
  }
};
var ENCODING_ALIASES = {
  __proto__: null,
  // eslint-disable-next-line unicorn/text-encoding-identifier-case
  "utf-8": "utf8",
  "utf-16le": "utf16le",
  "ucs-2": "utf16le",
  ucs2: "utf16le",
  binary: "latin1"
};
var serializeEncoding = (encoding) => typeof encoding === "string" ? `"${encoding}"` : String(encoding);

// node_modules/execa/lib/arguments/command-file.js
import { openSync, readSync, closeSync } from "node:fs";
import { Buffer as Buffer2 } from "node:buffer";
import path5 from "node:path";
import process7 from "node:process";

// node_modules/which-command/index.js
import fs from "node:fs";
import path4 from "node:path";
import process6 from "node:process";
var isWindows = process6.platform === "win32";
var separatorPattern = isWindows ? new RegExp("[\\/\\\\]", "v") : new RegExp("\\/", "v");
var defaultPathExt = ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC";
function resolveOptions(command, options) {
  if (typeof command !== "string" || command.length === 0) {
    throw new TypeError("Expected a non-empty string.");
  }
  const {
    cwd = process6.cwd(),
    // On Windows, `process.env.PATH` can be undefined in some contexts (for example, worker threads), where it's only exposed as `Path`.
    path: searchPath = process6.env.PATH ?? (isWindows ? process6.env.Path : void 0) ?? "",
    // `||` (not `??`) so an empty `PATHEXT` falls back to the default instead of disabling all lookup on Windows.
    pathExt = process6.env.PATHEXT || defaultPathExt
  } = options;
  return { cwd, searchPath, pathExt };
}
function windowsExtensions(command, pathExt) {
  const extensions = pathExt.split(path4.delimiter).filter(Boolean);
  const commandExtension = path4.extname(command).toLowerCase();
  if (commandExtension !== "" && extensions.some((extension) => extension.toLowerCase() === commandExtension)) {
    return ["", ...extensions];
  }
  return extensions;
}
function* candidatePaths(command, { cwd, searchPath, pathExt }) {
  const extensions = isWindows ? windowsExtensions(command, pathExt) : [""];
  if (separatorPattern.test(command)) {
    const base = path4.resolve(cwd, command);
    for (const extension of extensions) {
      yield base + extension;
    }
    return;
  }
  const directories = [
    // Windows searches the current directory before `PATH`.
    ...isWindows ? [cwd] : [],
    ...searchPath.split(path4.delimiter)
  ];
  for (const directory of directories) {
    const unquoted = isWindows && directory.length > 1 && directory.startsWith('"') && directory.endsWith('"') ? directory.slice(1, -1) : directory;
    if (unquoted === "") {
      continue;
    }
    const base = path4.resolve(cwd, unquoted, command);
    for (const extension of extensions) {
      yield base + extension;
    }
  }
}
function isExecutableSync(filePath) {
  let stats;
  try {
    stats = fs.statSync(filePath);
  } catch (error) {
    return isWindows && error.code === "EACCES";
  }
  if (!stats.isFile()) {
    return false;
  }
  if (isWindows) {
    return true;
  }
  try {
    fs.accessSync(filePath, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function whichCommandSync(command, options = {}) {
  const resolved = resolveOptions(command, options);
  for (const candidate of candidatePaths(command, resolved)) {
    if (isExecutableSync(candidate)) {
      return candidate;
    }
  }
  return void 0;
}

// node_modules/execa/lib/arguments/command-file.js
var parseCommandFile = (file, commandArguments, options) => {
  const parsed = { file, commandArguments: [...commandArguments], options };
  return options.shell || process7.platform !== "win32" ? parsed : escapeWindowsCommand(parsed);
};
var directlyExecutableRegExp = /\.(?:com|exe)$/i;
var escapeWindowsCommand = (parsed) => {
  const resolvedFile = resolveWithShebang(parsed);
  if (resolvedFile !== void 0 && directlyExecutableRegExp.test(resolvedFile)) {
    if (parsed.options.argv0 === void 0) {
      parsed.options.argv0 = parsed.file;
    }
    parsed.file = resolvedFile;
    return parsed;
  }
  for (const value of [parsed.file, ...parsed.commandArguments]) {
    assertNoLineBreak(value);
  }
  const escapedFile = escapeMetaChars(path5.normalize(resolvedFile ?? parsed.file));
  const escapedArguments = parsed.commandArguments.map((argument) => escapeArgument(argument));
  const commandLine = `"${[escapedFile, ...escapedArguments].join(" ")}"`;
  parsed.options.windowsVerbatimArguments = true;
  return {
    file: process7.env.comspec || "cmd.exe",
    // `/e:on` enables the command extensions the `%` escaping relies on, and `/v:off` disables delayed expansion so `!` is literal, even when the registry changes either default
    commandArguments: ["/d", "/e:on", "/v:off", "/s", "/c", commandLine],
    options: parsed.options
  };
};
var resolveWithShebang = (parsed) => {
  const resolvedFile = resolvePath(parsed);
  const interpreter = resolvedFile !== void 0 && readShebang(resolvedFile);
  if (!interpreter) {
    return resolvedFile;
  }
  parsed.commandArguments.unshift(resolvedFile);
  parsed.file = interpreter;
  return resolvePath(parsed);
};
var resolvePath = (parsed) => {
  const environment = parsed.options.env || process7.env;
  const cwd = parsed.options.cwd ?? process7.cwd();
  const environmentPathExt = getWindowsEnvironmentValue(environment, "PATHEXT");
  const commandExtension = path5.extname(parsed.file);
  const pathExt = commandExtension === "" ? environmentPathExt : `${commandExtension}${path5.delimiter}${environmentPathExt ?? ""}`;
  if (hasWindowsPathSeparator(parsed.file)) {
    return whichCommandSync(path5.resolve(cwd, parsed.file), { cwd, pathExt });
  }
  const searchPath = getWindowsEnvironmentValue(environment, "PATH") ?? getWindowsEnvironmentValue(process7.env, "PATH") ?? "";
  const resolveOptions2 = {
    cwd,
    path: searchPath,
    pathExt
  };
  return shouldSearchCurrentDirectory(environment) ? whichCommandSync(parsed.file, resolveOptions2) : resolvePathDirectories(parsed.file, resolveOptions2);
};
var hasWindowsPathSeparator = (file) => file.includes("/") || file.includes("\\") || file.includes(":");
var shouldSearchCurrentDirectory = (environment) => getWindowsEnvironmentValue(process7.env, "NODEFAULTCURRENTDIRECTORYINEXEPATH") === void 0 && getWindowsEnvironmentValue(environment, "NODEFAULTCURRENTDIRECTORYINEXEPATH") === void 0;
var resolvePathDirectories = (file, { cwd, path: searchPath, pathExt }) => {
  for (const directory of searchPath.split(path5.delimiter)) {
    const unquotedDirectory = directory.length > 1 && directory.startsWith('"') && directory.endsWith('"') ? directory.slice(1, -1) : directory;
    if (unquotedDirectory === "") {
      continue;
    }
    const resolvedFile = whichCommandSync(path5.resolve(cwd, unquotedDirectory, file), { cwd, pathExt });
    if (resolvedFile !== void 0) {
      return resolvedFile;
    }
  }
};
var getWindowsEnvironmentValue = (environment, name) => {
  const environmentKey = Object.keys(environment).sort().find((key) => key.toUpperCase() === name);
  return environmentKey === void 0 ? void 0 : environment[environmentKey];
};
var SHEBANG_BYTE_LENGTH = 150;
var readShebang = (file) => {
  const buffer = Buffer2.alloc(SHEBANG_BYTE_LENGTH);
  let bytesRead = 0;
  try {
    const fileDescriptor = openSync(file, "r");
    try {
      bytesRead = readSync(fileDescriptor, buffer, 0, SHEBANG_BYTE_LENGTH, 0);
    } finally {
      closeSync(fileDescriptor);
    }
  } catch {
    return void 0;
  }
  return parseShebang(buffer.toString("utf8", 0, bytesRead));
};
var shebangRegExp = /^#!(?<line>.*)/;
var parseShebang = (contents) => {
  const shebangLine = contents.match(shebangRegExp)?.groups.line.trim();
  if (!shebangLine) {
    return void 0;
  }
  const [interpreterPath, argument] = shebangLine.split(" ", 2);
  const interpreter = interpreterPath.split("/").at(-1);
  if (interpreter === "env") {
    return argument;
  }
  return argument ? `${interpreter} ${argument}` : interpreter;
};
var lineBreakRegExp = /[\n\r]/;
var assertNoLineBreak = (value) => {
  if (lineBreakRegExp.test(value)) {
    throw new TypeError(`The command and its arguments cannot contain a line break on Windows without a shell.
This would allow a command injection with \`cmd.exe\`.
Invalid value: ${JSON.stringify(`${value}`)}`);
  }
};
var metaCharsRegExp = /[()\][%!^"`<>&|;, *?]/g;
var escapeMetaChars = (value) => value.replaceAll(metaCharsRegExp, "^$&");
var backslashRunRegExp = /\\+/g;
var quotedCharacterRegExp = new RegExp("[^\\w#$*+\\-./:?@\\\\\\u{80}-\\u{10FFFF}]|\\p{Control}", "u");
var escapeArgument = (rawArgument) => {
  const argument = `${rawArgument}`;
  if (!shouldQuoteArgument(argument)) {
    return argument;
  }
  const escapedArgument = argument.replaceAll(backslashRunRegExp, (backslashes, offset, string) => {
    const nextCharacter = string[offset + backslashes.length];
    const isPrecedesDoubleQuote = nextCharacter === '"' || nextCharacter === void 0;
    return isPrecedesDoubleQuote ? backslashes.repeat(2) : backslashes;
  }).replaceAll('"', '""').replaceAll("%", "%%cd:~,%");
  return `"${escapedArgument}"`;
};
var shouldQuoteArgument = (argument) => argument === "" || argument.endsWith("\\") || quotedCharacterRegExp.test(argument);

// node_modules/execa/lib/arguments/cwd.js
import { statSync } from "node:fs";
import path6 from "node:path";
import process8 from "node:process";
var normalizeCwd = (cwd = getDefaultCwd()) => {
  const cwdString = safeNormalizeFileUrl(cwd, 'The "cwd" option');
  return path6.resolve(cwdString);
};
var getDefaultCwd = () => {
  try {
    return process8.cwd();
  } catch (error) {
    error.message = `The current directory does not exist.
${error.message}`;
    throw error;
  }
};
var getCurrentCwd = () => {
  try {
    return process8.cwd();
  } catch {
  }
};
var fixCwdError = (originalMessage, cwd) => {
  if (cwd === getCurrentCwd()) {
    return originalMessage;
  }
  let cwdStat;
  try {
    cwdStat = statSync(cwd);
  } catch (error) {
    return `The "cwd" option is invalid: ${cwd}.
${error.message}
${originalMessage}`;
  }
  return cwdStat.isDirectory() ? originalMessage : `The "cwd" option is not a directory: ${cwd}.
${originalMessage}`;
};

// node_modules/execa/lib/arguments/options.js
var cmdExeRegExp = /^cmd(?:\.exe)?$/i;
var normalizeOptions = (filePath, rawArguments, rawOptions) => {
  const sanitizedOptions = { __proto__: null, ...rawOptions };
  sanitizedOptions.cwd = normalizeCwd(sanitizedOptions.cwd);
  const [processedFile, processedArguments, processedOptions] = handleNodeOption(filePath, rawArguments, sanitizedOptions);
  const fdOptions = normalizeFdSpecificOptions(processedOptions);
  const options = addDefaultOptions(fdOptions);
  validateBooleanOptions(options);
  validateEnv(options);
  options.env = getEnv(options);
  const { file, commandArguments } = parseCommandFile(processedFile, processedArguments, options);
  validateTimeout(options);
  validateEncoding(options);
  validateIpcInputOption(options);
  validateCancelSignal(options);
  validateRenamedSignalOption(options);
  validateGracefulCancel(options);
  options.shell = normalizeFileUrl(options.shell);
  options.killSignal = normalizeKillSignal(options.killSignal);
  options.forceKillAfterDelay = normalizeForceKillAfterDelay(options.forceKillAfterDelay);
  options.lines = options.lines.map((lines, fdNumber) => lines && !BINARY_ENCODINGS.has(options.encoding) && options.buffer[fdNumber]);
  if (process9.platform === "win32" && cmdExeRegExp.test(path7.basename(file))) {
    commandArguments.unshift("/q");
  }
  return { file, commandArguments, options };
};
var BOOLEAN_OPTIONS = [
  "extendEnv",
  "preferLocal",
  "reject",
  "cleanup",
  "killDescendants",
  "all",
  "gracefulCancel",
  "ipc",
  "node"
];
var validateBooleanOptions = (options) => {
  for (const optionName of BOOLEAN_OPTIONS) {
    checkBooleanOption(options[optionName], optionName);
  }
};
var validateEnv = ({ env }) => {
  if (env !== void 0 && (typeof env !== "object" || env === null || Array.isArray(env))) {
    throw new TypeError(`The \`env\` option must be an object: ${String(env)}.`);
  }
};
var addDefaultOptions = ({
  extendEnv = true,
  preferLocal = false,
  cwd,
  localDir: localDirectory = cwd,
  encoding = "utf8",
  reject = true,
  cleanup = true,
  killDescendants = false,
  all = false,
  windowsHide = true,
  killSignal = "SIGTERM",
  forceKillAfterDelay = true,
  gracefulCancel = false,
  ipcInput,
  ipc = ipcInput !== void 0 || gracefulCancel,
  serialization = "advanced",
  ...options
}) => ({
  __proto__: null,
  ...options,
  extendEnv,
  preferLocal,
  cwd,
  localDirectory,
  encoding,
  reject,
  cleanup,
  killDescendants,
  all,
  windowsHide,
  killSignal,
  forceKillAfterDelay,
  gracefulCancel,
  ipcInput,
  ipc,
  serialization
});
var getEnv = (options) => ({ __proto__: null, ...computeEnv(options) });
var computeEnv = ({ env: envOption, extendEnv, preferLocal, node, localDirectory, nodePath }) => {
  const env = { __proto__: null, ...extendEnv && process9.env, ...envOption };
  if (preferLocal || node) {
    return npmRunPathEnv({
      env,
      cwd: localDirectory,
      execPath: nodePath,
      preferLocal,
      addExecPath: node
    });
  }
  return env;
};

// node_modules/execa/lib/arguments/shell.js
var concatenateShell = (file, commandArguments, options) => options.shell && commandArguments.length > 0 ? [[file, ...commandArguments].join(" "), [], options] : [file, commandArguments, options];

// node_modules/execa/lib/resolve/all-sync.js
import { Buffer as Buffer3 } from "node:buffer";

// node_modules/execa/lib/transform/split.js
var getSplitLinesGenerator = (binary, preserveNewlines, skipped, state) => binary || skipped ? void 0 : initializeSplitLines(preserveNewlines, state);
var splitLinesSync = (chunk, preserveNewlines, objectMode) => objectMode ? chunk.flatMap((item) => splitLinesItemSync(item, preserveNewlines)) : splitLinesItemSync(chunk, preserveNewlines);
var splitLinesItemSync = (chunk, preserveNewlines) => {
  const { transform, final } = initializeSplitLines(preserveNewlines, {});
  return [...transform(chunk), ...final()];
};
var initializeSplitLines = (preserveNewlines, state) => {
  state.previousChunks = "";
  return {
    transform: splitGenerator.bind(void 0, state, preserveNewlines),
    final: linesFinal.bind(void 0, state)
  };
};
var splitGenerator = function* (state, preserveNewlines, chunk) {
  if (typeof chunk !== "string") {
    yield chunk;
    return;
  }
  let { previousChunks } = state;
  let start = -1;
  for (let end = 0; end < chunk.length; end += 1) {
    if (chunk[end] !== "\n") {
      continue;
    }
    let line = chunk.slice(start + 1, preserveNewlines ? end + 1 : end);
    if (previousChunks.length > 0) {
      line = concatString(previousChunks, line);
      previousChunks = "";
    }
    yield preserveNewlines ? line : stripCarriageReturn(line, state);
    start = end;
  }
  if (start !== chunk.length - 1) {
    previousChunks = concatString(previousChunks, chunk.slice(start + 1));
  }
  state.previousChunks = previousChunks;
};
var stripCarriageReturn = (line, state) => {
  state.isWindowsNewline = line.endsWith("\r");
  return state.isWindowsNewline ? line.slice(0, -1) : line;
};
var linesFinal = function* ({ previousChunks }) {
  if (previousChunks.length > 0) {
    yield previousChunks;
  }
};
var getAppendNewlineGenerator = ({ binary, preserveNewlines, readableObjectMode, state, encoding }) => binary || preserveNewlines || readableObjectMode ? void 0 : { transform: appendNewlineGenerator.bind(void 0, state, getStringEncoding(binary, encoding)) };
var appendNewlineGenerator = function* ({ isWindowsNewline = false }, stringEncoding, chunk) {
  const { unixNewline, windowsNewline, concat } = typeof chunk === "string" ? linesStringInfo : LINES_BYTES_INFO[stringEncoding];
  if (endsWithNewline(chunk, unixNewline)) {
    yield chunk;
    return;
  }
  const newline = isWindowsNewline ? windowsNewline : unixNewline;
  yield concat(chunk, newline);
};
var endsWithNewline = (chunk, unixNewline) => typeof chunk === "string" ? chunk.endsWith(unixNewline) : chunk.length >= unixNewline.length && chunk.subarray(-unixNewline.length).every((byte, index) => byte === unixNewline[index]);
var concatString = (firstChunk, secondChunk) => `${firstChunk}${secondChunk}`;
var linesStringInfo = {
  windowsNewline: "\r\n",
  unixNewline: "\n",
  concat: concatString
};
var concatUint8Array = (firstChunk, secondChunk) => {
  const chunk = new Uint8Array(firstChunk.length + secondChunk.length);
  chunk.set(firstChunk, 0);
  chunk.set(secondChunk, firstChunk.length);
  return chunk;
};
var LINES_BYTES_INFO = {
  __proto__: null,
  utf8: {
    windowsNewline: new Uint8Array([13, 10]),
    unixNewline: new Uint8Array([10]),
    concat: concatUint8Array
  },
  utf16le: {
    windowsNewline: new Uint8Array([13, 0, 10, 0]),
    unixNewline: new Uint8Array([10, 0]),
    concat: concatUint8Array
  }
};

// node_modules/strip-final-newline/index.js
function stripFinalNewline(input) {
  if (typeof input === "string") {
    return stripFinalNewlineString(input);
  }
  if (!(ArrayBuffer.isView(input) && input.BYTES_PER_ELEMENT === 1)) {
    throw new Error("Input must be a string or a Uint8Array");
  }
  return stripFinalNewlineBinary(input);
}
var stripFinalNewlineString = (input) => input.at(-1) === LF ? input.slice(0, input.at(-2) === CR ? -2 : -1) : input;
var stripFinalNewlineBinary = (input) => input.at(-1) === LF_BINARY ? input.subarray(0, input.at(-2) === CR_BINARY ? -2 : -1) : input;
var LF = "\n";
var LF_BINARY = LF.codePointAt(0);
var CR = "\r";
var CR_BINARY = CR.codePointAt(0);

// node_modules/execa/lib/io/strip-newline.js
var stripNewline = (value, { stripFinalNewline: stripFinalNewline2 }, fdNumber, allFds) => value !== void 0 && !Array.isArray(value) && getStripFinalNewline(stripFinalNewline2, fdNumber, allFds) ? stripFinalNewline(value) : value;
var getStripFinalNewline = (stripFinalNewline2, fdNumber, allFds) => fdNumber === "all" ? allFds.some((allFd) => stripFinalNewline2[allFd]) : stripFinalNewline2[fdNumber];

// node_modules/execa/lib/resolve/all-sync.js
var getAllSyncFds = ([, stdout, stderr]) => [
  ...stdout === void 0 ? [] : [1],
  ...stderr === void 0 ? [] : [2]
];
var getAllSync = ([, stdout, stderr], allFds, options) => {
  if (!options.all) {
    return;
  }
  if (stdout === void 0) {
    return splitAllLines(stderr, allFds, options);
  }
  if (stderr === void 0) {
    return splitAllLines(stdout, allFds, options);
  }
  if (hasLines(options)) {
    return [splitAllLines(stdout, allFds, options), splitAllLines(stderr, allFds, options)].flat();
  }
  if (Array.isArray(stdout) || Array.isArray(stderr)) {
    return [stdout, stderr].filter((value) => value.length > 0).flat();
  }
  if (isUint8Array(stdout) && isUint8Array(stderr)) {
    return concatUint8Arrays([stdout, stderr]);
  }
  return BASE64_ENCODINGS.has(options.encoding) ? concatBase64(stdout, stderr, options.encoding) : `${stdout}${stderr}`;
};
var concatBase64 = (stdout, stderr, encoding) => Buffer3.concat([Buffer3.from(stdout, encoding), Buffer3.from(stderr, encoding)]).toString(encoding);
var BASE64_ENCODINGS = /* @__PURE__ */ new Set(["base64", "base64url"]);
var hasLines = ({ lines }) => Boolean(lines[1] || lines[2]);
var splitAllLines = (value, allFds, options) => value === void 0 || Array.isArray(value) || !hasLines(options) ? value : splitLinesSync(value, !getStripFinalNewline(options.stripFinalNewline, "all", allFds), false);

// node_modules/execa/lib/return/message.js
import { inspect as inspect3 } from "node:util";

// node_modules/get-stream/source/index.js
import { on } from "node:events";
import { finished } from "node:stream/promises";

// node_modules/get-stream/node_modules/is-stream/index.js
function isStream(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isReadableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}

// node_modules/@sec-ant/readable-stream/dist/ponyfill/asyncIterator.js
var a = Object.getPrototypeOf(
  Object.getPrototypeOf(
    /* istanbul ignore next */
    async function* () {
    }
  ).prototype
);
var c = class {
  #t;
  #n;
  #r = false;
  #e = void 0;
  constructor(e, t) {
    this.#t = e, this.#n = t;
  }
  next() {
    const e = () => this.#s();
    return this.#e = this.#e ? this.#e.then(e, e) : e(), this.#e;
  }
  return(e) {
    const t = () => this.#i(e);
    return this.#e ? this.#e.then(t, t) : t();
  }
  async #s() {
    if (this.#r)
      return {
        done: true,
        value: void 0
      };
    let e;
    try {
      e = await this.#t.read();
    } catch (t) {
      throw this.#e = void 0, this.#r = true, this.#t.releaseLock(), t;
    }
    return e.done && (this.#e = void 0, this.#r = true, this.#t.releaseLock()), e;
  }
  async #i(e) {
    if (this.#r)
      return {
        done: true,
        value: e
      };
    if (this.#r = true, !this.#n) {
      const t = this.#t.cancel(e);
      return this.#t.releaseLock(), await t, {
        done: true,
        value: e
      };
    }
    return this.#t.releaseLock(), {
      done: true,
      value: e
    };
  }
};
var n = /* @__PURE__ */ Symbol();
function i() {
  return this[n].next();
}
Object.defineProperty(i, "name", { value: "next" });
function o(r) {
  return this[n].return(r);
}
Object.defineProperty(o, "name", { value: "return" });
var u = Object.create(a, {
  next: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: i
  },
  return: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: o
  }
});
function h({ preventCancel: r = false } = {}) {
  const e = this.getReader(), t = new c(
    e,
    r
  ), s = Object.create(u);
  return s[n] = t, s;
}

// node_modules/get-stream/source/stream.js
var getAsyncIterable = (stream) => {
  if (isReadableStream(stream, { checkOpen: false }) && nodeImports.on !== void 0) {
    return getStreamIterable(stream);
  }
  if (typeof stream?.[Symbol.asyncIterator] === "function") {
    return stream;
  }
  if (toString.call(stream) === "[object ReadableStream]") {
    return h.call(stream);
  }
  throw new TypeError("The first argument must be a Readable, a ReadableStream, or an async iterable.");
};
var { toString } = Object.prototype;
var getStreamIterable = async function* (stream) {
  const controller = new AbortController();
  const state = {};
  handleStreamEnd(stream, controller, state);
  try {
    for await (const [chunk] of nodeImports.on(stream, "data", { signal: controller.signal })) {
      yield chunk;
    }
  } catch (error) {
    if (state.error !== void 0) {
      throw state.error;
    } else if (!controller.signal.aborted) {
      throw error;
    }
  } finally {
    stream.destroy();
  }
};
var handleStreamEnd = async (stream, controller, state) => {
  try {
    await nodeImports.finished(stream, {
      cleanup: true,
      readable: true,
      writable: false,
      error: false
    });
  } catch (error) {
    state.error = error;
  } finally {
    controller.abort();
  }
};
var nodeImports = {};

// node_modules/get-stream/source/contents.js
var getStreamContents = async (stream, { init, convertChunk, getSize, truncateChunk, addChunk, getFinalChunk, finalize }, { maxBuffer = Number.POSITIVE_INFINITY } = {}) => {
  const asyncIterable = getAsyncIterable(stream);
  const state = init();
  state.length = 0;
  try {
    for await (const chunk of asyncIterable) {
      const chunkType = getChunkType(chunk);
      const convertedChunk = convertChunk[chunkType](chunk, state);
      appendChunk({
        convertedChunk,
        state,
        getSize,
        truncateChunk,
        addChunk,
        maxBuffer
      });
    }
    appendFinalChunk({
      state,
      convertChunk,
      getSize,
      truncateChunk,
      addChunk,
      getFinalChunk,
      maxBuffer
    });
    return finalize(state);
  } catch (error) {
    const normalizedError = typeof error === "object" && error !== null ? error : new Error(error);
    normalizedError.bufferedData = finalize(state);
    throw normalizedError;
  }
};
var appendFinalChunk = ({ state, getSize, truncateChunk, addChunk, getFinalChunk, maxBuffer }) => {
  const convertedChunk = getFinalChunk(state);
  if (convertedChunk !== void 0) {
    appendChunk({
      convertedChunk,
      state,
      getSize,
      truncateChunk,
      addChunk,
      maxBuffer
    });
  }
};
var appendChunk = ({ convertedChunk, state, getSize, truncateChunk, addChunk, maxBuffer }) => {
  const chunkSize = getSize(convertedChunk);
  const newLength = state.length + chunkSize;
  if (newLength <= maxBuffer) {
    addNewChunk(convertedChunk, state, addChunk, newLength);
    return;
  }
  const truncatedChunk = truncateChunk(convertedChunk, maxBuffer - state.length);
  if (truncatedChunk !== void 0) {
    addNewChunk(truncatedChunk, state, addChunk, maxBuffer);
  }
  throw new MaxBufferError();
};
var addNewChunk = (convertedChunk, state, addChunk, newLength) => {
  state.contents = addChunk(convertedChunk, state, newLength);
  state.length = newLength;
};
var getChunkType = (chunk) => {
  const typeOfChunk = typeof chunk;
  if (typeOfChunk === "string") {
    return "string";
  }
  if (typeOfChunk !== "object" || chunk === null) {
    return "others";
  }
  if (globalThis.Buffer?.isBuffer(chunk)) {
    return "buffer";
  }
  const prototypeName = objectToString2.call(chunk);
  if (prototypeName === "[object ArrayBuffer]") {
    return "arrayBuffer";
  }
  if (prototypeName === "[object DataView]") {
    return "dataView";
  }
  if (Number.isInteger(chunk.byteLength) && Number.isInteger(chunk.byteOffset) && objectToString2.call(chunk.buffer) === "[object ArrayBuffer]") {
    return "typedArray";
  }
  return "others";
};
var { toString: objectToString2 } = Object.prototype;
var MaxBufferError = class extends Error {
  name = "MaxBufferError";
  constructor() {
    super("maxBuffer exceeded");
  }
};

// node_modules/get-stream/source/utils.js
var identity2 = (value) => value;
var noop = () => void 0;
var getContentsProperty = ({ contents }) => contents;
var throwObjectStream = (chunk) => {
  throw new Error(`Streams in object mode are not supported: ${String(chunk)}`);
};
var getLengthProperty = (convertedChunk) => convertedChunk.length;

// node_modules/get-stream/source/array.js
async function getStreamAsArray(stream, options) {
  return getStreamContents(stream, arrayMethods, options);
}
var initArray = () => ({ contents: [] });
var increment = () => 1;
var addArrayChunk = (convertedChunk, { contents }) => {
  contents.push(convertedChunk);
  return contents;
};
var arrayMethods = {
  init: initArray,
  convertChunk: {
    string: identity2,
    buffer: identity2,
    arrayBuffer: identity2,
    dataView: identity2,
    typedArray: identity2,
    others: identity2
  },
  getSize: increment,
  truncateChunk: noop,
  addChunk: addArrayChunk,
  getFinalChunk: noop,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/array-buffer.js
async function getStreamAsArrayBuffer(stream, options) {
  return getStreamContents(stream, arrayBufferMethods, options);
}
var initArrayBuffer = () => ({ contents: new ArrayBuffer(0) });
var useTextEncoder = (chunk) => textEncoder2.encode(chunk);
var textEncoder2 = new TextEncoder();
var useUint8Array = (chunk) => new Uint8Array(chunk);
var useUint8ArrayWithOffset = (chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
var truncateArrayBufferChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var addArrayBufferChunk = (convertedChunk, { contents, length: previousLength }, length) => {
  const newContents = hasArrayBufferResize() ? resizeArrayBuffer(contents, length) : resizeArrayBufferSlow(contents, length);
  new Uint8Array(newContents).set(convertedChunk, previousLength);
  return newContents;
};
var resizeArrayBufferSlow = (contents, length) => {
  if (length <= contents.byteLength) {
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(getNewContentsLength(length));
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var resizeArrayBuffer = (contents, length) => {
  if (length <= contents.maxByteLength) {
    contents.resize(length);
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(length, { maxByteLength: getNewContentsLength(length) });
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var getNewContentsLength = (length) => SCALE_FACTOR ** Math.ceil(Math.log(length) / Math.log(SCALE_FACTOR));
var SCALE_FACTOR = 2;
var finalizeArrayBuffer = ({ contents, length }) => hasArrayBufferResize() ? contents : contents.slice(0, length);
var hasArrayBufferResize = () => "resize" in ArrayBuffer.prototype;
var arrayBufferMethods = {
  init: initArrayBuffer,
  convertChunk: {
    string: useTextEncoder,
    buffer: useUint8Array,
    arrayBuffer: useUint8Array,
    dataView: useUint8ArrayWithOffset,
    typedArray: useUint8ArrayWithOffset,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateArrayBufferChunk,
  addChunk: addArrayBufferChunk,
  getFinalChunk: noop,
  finalize: finalizeArrayBuffer
};

// node_modules/get-stream/source/string.js
async function getStreamAsString(stream, options) {
  return getStreamContents(stream, stringMethods, options);
}
var initString = () => ({ contents: "", textDecoder: new TextDecoder() });
var useTextDecoder = (chunk, { textDecoder: textDecoder2 }) => textDecoder2.decode(chunk, { stream: true });
var addStringChunk = (convertedChunk, { contents }) => contents + convertedChunk;
var truncateStringChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var getFinalStringChunk = ({ textDecoder: textDecoder2 }) => {
  const finalChunk = textDecoder2.decode();
  return finalChunk === "" ? void 0 : finalChunk;
};
var stringMethods = {
  init: initString,
  convertChunk: {
    string: identity2,
    buffer: useTextDecoder,
    arrayBuffer: useTextDecoder,
    dataView: useTextDecoder,
    typedArray: useTextDecoder,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateStringChunk,
  addChunk: addStringChunk,
  getFinalChunk: getFinalStringChunk,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/index.js
Object.assign(nodeImports, { on, finished });

// node_modules/execa/lib/io/max-buffer.js
var handleMaxBuffer = ({ error, stream, readableObjectMode, lines, encoding, fdNumber }) => {
  if (!(error instanceof MaxBufferError)) {
    throw error;
  }
  if (fdNumber === "all") {
    return error;
  }
  const unit = getMaxBufferUnit(readableObjectMode, lines, encoding);
  error.maxBufferInfo = { fdNumber, unit };
  stream.destroy();
  throw error;
};
var getMaxBufferUnit = (readableObjectMode, lines, encoding) => {
  if (readableObjectMode) {
    return "objects";
  }
  if (lines) {
    return "lines";
  }
  return encoding === "buffer" ? "bytes" : "characters";
};
var checkIpcMaxBuffer = (ipcOutput, maxBuffer) => {
  if (ipcOutput.length + 1 <= maxBuffer) {
    return;
  }
  const error = new MaxBufferError();
  error.maxBufferInfo = { fdNumber: "ipc" };
  throw error;
};
var getMaxBufferMessage = (error, maxBuffer) => {
  const { streamName, threshold, unit } = getMaxBufferInfo(error, maxBuffer);
  return `Command's ${streamName} was larger than ${threshold} ${unit}`;
};
var getMaxBufferInfo = (error, maxBuffer) => {
  if (error?.maxBufferInfo === void 0) {
    return { streamName: "output", threshold: maxBuffer[1], unit: "bytes" };
  }
  const { maxBufferInfo: { fdNumber, unit, threshold = getFdSpecificValue(maxBuffer, fdNumber) } } = error;
  delete error.maxBufferInfo;
  return fdNumber === "ipc" ? { streamName: "IPC output", threshold, unit: "messages" } : { streamName: getStreamName(fdNumber), threshold, unit };
};
var getMaxBufferSync = ([, stdoutMaxBuffer]) => stdoutMaxBuffer === 0 ? Number.MIN_VALUE : stdoutMaxBuffer;
var handleMaxBufferSync = ({ resultError, output, maxBuffer, buffer }) => {
  const fdNumber = findMaxBufferSync(output, maxBuffer, buffer);
  if (fdNumber === void 0) {
    return { resultError, isMaxBuffer: resultError?.code === "ENOBUFS" };
  }
  const threshold = getMaxBufferValueSync(maxBuffer, fdNumber);
  const error = resultError ?? Object.assign(new MaxBufferError(), { code: "ENOBUFS" });
  error.maxBufferInfo = { fdNumber, unit: "bytes", threshold };
  return { resultError: error, isMaxBuffer: true };
};
var findMaxBufferSync = (output, maxBuffer, buffer) => {
  if (output === null) {
    return;
  }
  const fdNumber = output.findIndex((result, index) => result !== null && buffer[index] && result.length > getMaxBufferValueSync(maxBuffer, index));
  return fdNumber === -1 ? void 0 : fdNumber;
};
var getMaxBufferValueSync = (maxBuffer, fdNumber) => Math.min(maxBuffer[1], maxBuffer[fdNumber]);
var truncateMaxBufferSync = (result, fdNumber, { maxBuffer, buffer }) => {
  const maxBufferValue = getMaxBufferValueSync(maxBuffer, fdNumber);
  return buffer[fdNumber] && result.length > maxBufferValue ? result.slice(0, maxBufferValue) : result;
};

// node_modules/execa/lib/return/message.js
var createMessages = ({
  stdio,
  all,
  ipcOutput,
  originalError,
  signal,
  signalDescription,
  exitCode,
  escapedCommand,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal,
  maxBuffer,
  timeout,
  cwd
}) => {
  const errorCode = getErrorCode(originalError);
  const prefix = getErrorPrefix({
    originalError,
    timedOut,
    timeout,
    isMaxBuffer,
    maxBuffer,
    errorCode,
    signal,
    signalDescription,
    exitCode,
    isCanceled,
    isGracefullyCanceled,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal
  });
  const originalMessage = getOriginalMessage(originalError, cwd);
  const suffix = originalMessage === void 0 ? "" : `
${originalMessage}`;
  const shortMessage = `${prefix}: ${escapedCommand}${suffix}`;
  const messageStdio = all === void 0 ? [stdio[2], stdio[1]] : [all];
  const message = [
    shortMessage,
    ...messageStdio,
    ...stdio.slice(3),
    ipcOutput.map((ipcMessage) => serializeIpcMessage(ipcMessage)).join("\n")
  ].map((messagePart) => escapeLines(stripFinalNewline(serializeMessagePart(messagePart)))).filter(Boolean).join("\n\n");
  return { originalMessage, shortMessage, message };
};
var getErrorCode = (error) => typeof error?.code === "string" ? error.code : void 0;
var getErrorPrefix = ({
  originalError,
  timedOut,
  timeout,
  isMaxBuffer,
  maxBuffer,
  errorCode,
  signal,
  signalDescription,
  exitCode,
  isCanceled,
  isGracefullyCanceled,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal
}) => {
  const forcefulSuffix = getForcefulSuffix(isForcefullyTerminated, forceKillAfterDelay);
  if (timedOut) {
    return `Command timed out after ${timeout} milliseconds${forcefulSuffix}`;
  }
  if (isGracefullyCanceled) {
    if (signal === void 0) {
      return `Command was gracefully canceled with exit code ${exitCode}`;
    }
    return isForcefullyTerminated ? `Command was gracefully canceled${forcefulSuffix}` : `Command was gracefully canceled with ${signal} (${signalDescription})`;
  }
  if (isCanceled) {
    return `Command was canceled${forcefulSuffix}`;
  }
  if (isMaxBuffer) {
    return `${getMaxBufferMessage(originalError, maxBuffer)}${forcefulSuffix}`;
  }
  if (errorCode !== void 0) {
    return `Command failed with ${errorCode}${forcefulSuffix}`;
  }
  if (isForcefullyTerminated) {
    return `Command was killed with ${killSignal} (${getSignalDescription(killSignal)})${forcefulSuffix}`;
  }
  if (signal !== void 0) {
    return `Command was killed with ${signal} (${signalDescription})`;
  }
  return exitCode === void 0 ? "Command failed" : `Command failed with exit code ${exitCode}`;
};
var getForcefulSuffix = (isForcefullyTerminated, forceKillAfterDelay) => isForcefullyTerminated ? ` and was forcefully terminated after ${forceKillAfterDelay} milliseconds` : "";
var getOriginalMessage = (originalError, cwd) => {
  if (originalError instanceof DiscardedError) {
    return;
  }
  const originalMessage = isExecaError(originalError) ? originalError.originalMessage ?? "" : String(originalError?.message ?? originalError);
  const escapedOriginalMessage = escapeLines(fixCwdError(originalMessage, cwd));
  return escapedOriginalMessage === "" ? void 0 : escapedOriginalMessage;
};
var serializeIpcMessage = (ipcMessage) => typeof ipcMessage === "string" ? ipcMessage : inspect3(ipcMessage);
var serializeMessagePart = (messagePart) => Array.isArray(messagePart) ? messagePart.filter((messageItem) => isTextItem(messageItem)).map((messageItem) => stripFinalNewline(serializeMessageItem(messageItem))).join("\n") : serializeMessageItem(messagePart);
var isTextItem = (messageItem) => typeof messageItem === "string" || isUint8Array(messageItem);
var serializeMessageItem = (messageItem) => {
  if (typeof messageItem === "string") {
    return messageItem;
  }
  return isUint8Array(messageItem) ? uint8ArrayToString(messageItem) : "";
};

// node_modules/execa/lib/return/result.js
var makeSuccessResult = ({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options: { cwd },
  startTime
}) => omitUndefinedProperties({
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: false,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isTerminated: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  exitCode: 0,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var makeEarlyError = ({
  error,
  command,
  escapedCommand,
  fileDescriptors,
  options,
  startTime,
  isSync,
  stdio = Array.from({ length: fileDescriptors.length }),
  all
}) => makeError({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  stdio,
  all,
  ipcOutput: [],
  options,
  isSync
});
var getEarlyErrorOutput = (fileDescriptors, options) => {
  const stdio = fileDescriptors.map((fileDescriptor, fdNumber) => getEmptyOutput(fileDescriptor, fdNumber, options));
  return { stdio, all: getAllSync(stdio, getAllSyncFds(stdio), options) };
};
var getEmptyOutput = ({ direction, objectMode }, fdNumber, { stdio, buffer, lines, encoding }) => {
  if (direction === "input" || !PIPED_STDIO.has(stdio[fdNumber]) || !buffer[fdNumber]) {
    return;
  }
  if (objectMode || lines[fdNumber]) {
    return [];
  }
  return encoding === "buffer" ? new Uint8Array() : "";
};
var PIPED_STDIO = /* @__PURE__ */ new Set(["pipe", "overlapped"]);
var makeError = ({
  error: originalError,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode: rawExitCode,
  signal: rawSignal,
  stdio,
  all,
  ipcOutput,
  options: {
    timeoutDuration,
    timeout = timeoutDuration,
    forceKillAfterDelay,
    killSignal,
    cwd,
    maxBuffer
  },
  isSync
}) => {
  const { exitCode, signal, signalDescription } = normalizeExitPayload(rawExitCode, rawSignal);
  const { originalMessage, shortMessage, message } = createMessages({
    stdio,
    all,
    ipcOutput,
    originalError,
    signal,
    signalDescription,
    exitCode,
    escapedCommand,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal,
    maxBuffer,
    timeout,
    cwd
  });
  const error = getFinalError(originalError, message, isSync);
  Object.assign(error, getErrorProperties({
    error,
    command,
    escapedCommand,
    startTime,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    exitCode,
    signal,
    signalDescription,
    stdio,
    all,
    ipcOutput,
    cwd,
    originalMessage,
    shortMessage
  }));
  return error;
};
var getErrorProperties = ({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  stdio,
  all,
  ipcOutput,
  cwd,
  originalMessage,
  shortMessage
}) => omitUndefinedProperties({
  shortMessage,
  originalMessage,
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: true,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isTerminated: signal !== void 0,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  code: getErrorCode(error.cause),
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var omitUndefinedProperties = (result) => Object.fromEntries(Object.entries(result).filter(([, value]) => value !== void 0));
var normalizeExitPayload = (rawExitCode, rawSignal) => {
  const exitCode = rawExitCode === null ? void 0 : rawExitCode;
  const signal = rawSignal === null ? void 0 : rawSignal;
  const signalDescription = signal === void 0 ? void 0 : getSignalDescription(rawSignal);
  return { exitCode, signal, signalDescription };
};

// node_modules/parse-ms/index.js
var toZeroIfInfinity = (value) => Number.isFinite(value) ? value : 0;
function parseNumber(milliseconds) {
  return {
    days: Math.trunc(milliseconds / 864e5),
    hours: Math.trunc(milliseconds / 36e5 % 24),
    minutes: Math.trunc(milliseconds / 6e4 % 60),
    seconds: Math.trunc(milliseconds / 1e3 % 60),
    milliseconds: Math.trunc(milliseconds % 1e3),
    microseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e3) % 1e3),
    nanoseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e6) % 1e3)
  };
}
function parseBigint(milliseconds) {
  return {
    days: milliseconds / 86400000n,
    hours: milliseconds / 3600000n % 24n,
    minutes: milliseconds / 60000n % 60n,
    seconds: milliseconds / 1000n % 60n,
    milliseconds: milliseconds % 1000n,
    microseconds: 0n,
    nanoseconds: 0n
  };
}
function parseMilliseconds(milliseconds) {
  switch (typeof milliseconds) {
    case "number": {
      if (Number.isFinite(milliseconds)) {
        return parseNumber(milliseconds);
      }
      break;
    }
    case "bigint": {
      return parseBigint(milliseconds);
    }
  }
  throw new TypeError("Expected a finite number or bigint");
}

// node_modules/pretty-ms/index.js
var isZero = (value) => value === 0 || value === 0n;
var pluralize = (word, count2) => count2 === 1 || count2 === 1n ? word : `${word}s`;
var SECOND_ROUNDING_EPSILON = 1e-7;
var ONE_DAY_IN_MILLISECONDS = 24n * 60n * 60n * 1000n;
function prettyMilliseconds(milliseconds, options) {
  const isBigInt = typeof milliseconds === "bigint";
  if (!isBigInt && !Number.isFinite(milliseconds)) {
    throw new TypeError("Expected a finite number or bigint");
  }
  options = { ...options };
  const sign = milliseconds < 0 ? "-" : "";
  milliseconds = milliseconds < 0 ? -milliseconds : milliseconds;
  if (options.colonNotation) {
    options.compact = false;
    options.formatSubMilliseconds = false;
    options.separateMilliseconds = false;
    options.verbose = false;
  }
  if (options.compact) {
    options.unitCount = 1;
    options.secondsDecimalDigits = 0;
    options.millisecondsDecimalDigits = 0;
  }
  let result = [];
  const floorDecimals = (value, decimalDigits) => {
    const flooredInterimValue = Math.floor(value * 10 ** decimalDigits + SECOND_ROUNDING_EPSILON);
    const flooredValue = Math.round(flooredInterimValue) / 10 ** decimalDigits;
    return flooredValue.toFixed(decimalDigits);
  };
  const add = (value, long, short, valueString) => {
    if ((result.length === 0 || !options.colonNotation) && isZero(value) && !(options.colonNotation && short === "m")) {
      return;
    }
    valueString ??= String(value);
    if (options.colonNotation) {
      const wholeDigits = valueString.includes(".") ? valueString.split(".")[0].length : valueString.length;
      const minLength = result.length > 0 ? 2 : 1;
      valueString = "0".repeat(Math.max(0, minLength - wholeDigits)) + valueString;
    } else {
      valueString += options.verbose ? " " + pluralize(long, value) : short;
    }
    result.push(valueString);
  };
  const parsed = parseMilliseconds(milliseconds);
  const days = BigInt(parsed.days);
  if (options.hideYearAndDays) {
    add(BigInt(days) * 24n + BigInt(parsed.hours), "hour", "h");
  } else {
    if (options.hideYear) {
      add(days, "day", "d");
    } else {
      add(days / 365n, "year", "y");
      add(days % 365n, "day", "d");
    }
    add(Number(parsed.hours), "hour", "h");
  }
  add(Number(parsed.minutes), "minute", "m");
  if (!options.hideSeconds) {
    if (options.separateMilliseconds || options.formatSubMilliseconds || !options.colonNotation && milliseconds < 1e3 && !options.subSecondsAsDecimals) {
      const seconds2 = Number(parsed.seconds);
      const milliseconds2 = Number(parsed.milliseconds);
      const microseconds = Number(parsed.microseconds);
      const nanoseconds = Number(parsed.nanoseconds);
      add(seconds2, "second", "s");
      if (options.formatSubMilliseconds) {
        add(milliseconds2, "millisecond", "ms");
        add(microseconds, "microsecond", "\xB5s");
        add(nanoseconds, "nanosecond", "ns");
      } else {
        const millisecondsAndBelow = milliseconds2 + microseconds / 1e3 + nanoseconds / 1e6;
        const millisecondsDecimalDigits = typeof options.millisecondsDecimalDigits === "number" ? options.millisecondsDecimalDigits : 0;
        const roundedMilliseconds = millisecondsAndBelow >= 1 ? Math.round(millisecondsAndBelow) : Math.ceil(millisecondsAndBelow);
        const maximumMilliseconds = 1e3 - 10 ** -millisecondsDecimalDigits;
        const millisecondsString = millisecondsDecimalDigits ? Math.min(millisecondsAndBelow, maximumMilliseconds).toFixed(millisecondsDecimalDigits) : Math.min(roundedMilliseconds, maximumMilliseconds);
        add(
          Number.parseFloat(millisecondsString),
          "millisecond",
          "ms",
          millisecondsString
        );
      }
    } else {
      const seconds2 = (isBigInt ? Number(milliseconds % ONE_DAY_IN_MILLISECONDS) : milliseconds) / 1e3 % 60;
      const secondsDecimalDigits = typeof options.secondsDecimalDigits === "number" ? options.secondsDecimalDigits : 1;
      const secondsFixed = floorDecimals(seconds2, secondsDecimalDigits);
      const secondsString = options.keepDecimalsOnWholeSeconds ? secondsFixed : secondsFixed.replace(/\.0+$/, "");
      add(Number.parseFloat(secondsString), "second", "s", secondsString);
    }
  }
  if (result.length === 0) {
    return sign + "0" + (options.verbose ? " milliseconds" : "ms");
  }
  const separator = options.colonNotation ? ":" : " ";
  if (typeof options.unitCount === "number") {
    result = result.slice(0, Math.max(options.unitCount, 1));
  }
  return sign + result.join(separator);
}

// node_modules/execa/lib/verbose/error.js
var logError = (result, verboseInfo) => {
  if (result.failed) {
    verboseLog({
      type: "error",
      verboseMessage: result.shortMessage,
      verboseInfo,
      result
    });
  }
};

// node_modules/execa/lib/verbose/complete.js
var logResult = (result, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  logError(result, verboseInfo);
  logDuration(result, verboseInfo);
};
var logDuration = (result, verboseInfo) => {
  const verboseMessage = `(done in ${prettyMilliseconds(result.durationMs)})`;
  verboseLog({
    type: "duration",
    verboseMessage,
    verboseInfo,
    result
  });
};

// node_modules/execa/lib/return/reject.js
var handleResult = (result, verboseInfo, { reject }) => {
  logResult(result, verboseInfo);
  if (reject && result.failed) {
    throw result;
  }
  return result;
};

// node_modules/execa/lib/stdio/handle-sync.js
import { readFileSync as readFileSync3 } from "node:fs";

// node_modules/execa/node_modules/is-stream/index.js
function isStream2(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isWritableStream(stream, { checkOpen = true } = {}) {
  return isStream2(stream, { checkOpen }) && (stream.writable || !checkOpen) && typeof stream.write === "function" && typeof stream.end === "function" && typeof stream.writable === "boolean" && typeof stream.writableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isReadableStream2(stream, { checkOpen = true } = {}) {
  return isStream2(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isDuplexStream(stream, options) {
  return isWritableStream(stream, options) && isReadableStream2(stream, options);
}

// node_modules/execa/lib/stdio/type.js
var getStdioItemType = (value, optionName) => {
  if (isAsyncGenerator(value)) {
    return "asyncGenerator";
  }
  if (isSyncGenerator(value)) {
    return "generator";
  }
  if (isUrl(value)) {
    return "fileUrl";
  }
  if (isFilePathObject(value)) {
    return "filePath";
  }
  if (isWebStream(value)) {
    return "webStream";
  }
  if (isStream2(value, { checkOpen: false })) {
    return "native";
  }
  if (isUint8Array(value)) {
    return "uint8Array";
  }
  if (isAsyncIterableObject(value)) {
    return "asyncIterable";
  }
  if (isIterableObject(value)) {
    return "iterable";
  }
  if (isTransformStream(value)) {
    return getTransformStreamType({ transform: value }, optionName);
  }
  return isTransformOptions(value) ? getTransformObjectType(value, optionName) : "native";
};
var getTransformObjectType = (value, optionName) => {
  if (isDuplexStream(value.transform, { checkOpen: false })) {
    return getDuplexType(value, optionName);
  }
  return isTransformStream(value.transform) ? getTransformStreamType(value, optionName) : getGeneratorObjectType(value, optionName);
};
var getDuplexType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "Duplex stream");
  return "duplex";
};
var getTransformStreamType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "web TransformStream");
  return "webTransform";
};
var validateNonGeneratorType = ({ final, binary, objectMode }, optionName, typeName) => {
  checkUndefinedOption(final, `${optionName}.final`, typeName);
  checkUndefinedOption(binary, `${optionName}.binary`, typeName);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
};
var checkUndefinedOption = (value, optionName, typeName) => {
  if (value !== void 0) {
    throw new TypeError(`The \`${optionName}\` option can only be defined when using a generator, not a ${typeName}.`);
  }
};
var getGeneratorObjectType = ({ transform, final, binary, objectMode }, optionName) => {
  if (transform !== void 0 && !isGenerator(transform)) {
    throw new TypeError(`The \`${optionName}.transform\` option must be a generator, a Duplex stream or a web TransformStream.`);
  }
  if (isDuplexStream(final, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a Duplex stream.`);
  }
  if (isTransformStream(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a web TransformStream.`);
  }
  if (final !== void 0 && !isGenerator(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must be a generator.`);
  }
  checkBooleanOption(binary, `${optionName}.binary`);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
  return isAsyncGenerator(transform) || isAsyncGenerator(final) ? "asyncGenerator" : "generator";
};
var isGenerator = (value) => isAsyncGenerator(value) || isSyncGenerator(value);
var isAsyncGenerator = (value) => Object.prototype.toString.call(value) === "[object AsyncGeneratorFunction]";
var isSyncGenerator = (value) => Object.prototype.toString.call(value) === "[object GeneratorFunction]";
var isTransformOptions = (value) => isPlainObject(value) && (value.transform !== void 0 || value.final !== void 0);
var isUrl = (value) => Object.prototype.toString.call(value) === "[object URL]";
var isRegularUrl = (value) => isUrl(value) && value.protocol !== "file:";
var isFilePathObject = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => FILE_PATH_KEYS.has(key)) && isFilePathString(value.file);
var FILE_PATH_KEYS = /* @__PURE__ */ new Set(["file", "append"]);
var isFilePathString = (file) => typeof file === "string";
var isStdioValueObject = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => STDIO_VALUE_KEYS.has(key)) && "value" in value;
var STDIO_VALUE_KEYS = /* @__PURE__ */ new Set(["value", "input"]);
var isUnknownStdioString = (type, value) => type === "native" && typeof value === "string" && !KNOWN_STDIO_STRINGS.has(value);
var KNOWN_STDIO_STRINGS = /* @__PURE__ */ new Set(["ipc", "ignore", "inherit", "overlapped", "pipe"]);
var isReadableStream3 = (value) => Object.prototype.toString.call(value) === "[object ReadableStream]";
var isWritableStream2 = (value) => Object.prototype.toString.call(value) === "[object WritableStream]";
var isWebStream = (value) => isReadableStream3(value) || isWritableStream2(value);
var isTransformStream = (value) => isReadableStream3(value?.readable) && isWritableStream2(value?.writable);
var isAsyncIterableObject = (value) => isObject(value) && typeof value[Symbol.asyncIterator] === "function";
var isIterableObject = (value) => isObject(value) && typeof value[Symbol.iterator] === "function";
var isObject = (value) => typeof value === "object" && value !== null;
var TRANSFORM_TYPES = /* @__PURE__ */ new Set(["generator", "asyncGenerator", "duplex", "webTransform"]);
var FILE_TYPES = /* @__PURE__ */ new Set(["fileUrl", "filePath", "fileNumber"]);
var SPECIAL_DUPLICATE_TYPES_SYNC = /* @__PURE__ */ new Set(["fileUrl", "filePath"]);
var SPECIAL_DUPLICATE_TYPES = /* @__PURE__ */ new Set([...SPECIAL_DUPLICATE_TYPES_SYNC, "webStream", "nodeStream"]);
var FORBID_DUPLICATE_TYPES = /* @__PURE__ */ new Set(["webTransform", "duplex"]);
var TYPE_TO_MESSAGE = {
  generator: "a generator",
  asyncGenerator: "an async generator",
  fileUrl: "a file URL",
  filePath: "a file path string",
  fileNumber: "a file descriptor number",
  webStream: "a web stream",
  nodeStream: "a Node.js stream",
  webTransform: "a web TransformStream",
  duplex: "a Duplex stream",
  native: "any value",
  iterable: "an iterable",
  asyncIterable: "an async iterable",
  string: "a string",
  uint8Array: "a Uint8Array"
};

// node_modules/execa/lib/transform/object-mode.js
var getTransformObjectModes = (objectMode, index, newTransforms, direction) => direction === "output" ? getOutputObjectModes(objectMode, index, newTransforms) : getInputObjectModes(objectMode, index, newTransforms);
var getOutputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index !== 0 && newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = objectMode ?? writableObjectMode;
  return { writableObjectMode, readableObjectMode };
};
var getInputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index === 0 ? objectMode === true : newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = index !== newTransforms.length - 1 && (objectMode ?? writableObjectMode);
  return { writableObjectMode, readableObjectMode };
};
var getFdObjectMode = (stdioItems, direction) => {
  const lastTransform = stdioItems.findLast(({ type }) => TRANSFORM_TYPES.has(type));
  if (lastTransform === void 0) {
    return false;
  }
  return direction === "input" ? lastTransform.value.writableObjectMode : lastTransform.value.readableObjectMode;
};

// node_modules/execa/lib/transform/normalize.js
var normalizeTransforms = (stdioItems, optionName, direction, options) => [
  ...stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type)),
  ...getTransforms(stdioItems, optionName, direction, options)
];
var getTransforms = (stdioItems, optionName, direction, { encoding }) => {
  const transforms = stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type));
  const newTransforms = Array.from({ length: transforms.length });
  for (const [index, stdioItem] of Object.entries(transforms)) {
    newTransforms[index] = normalizeTransform({
      stdioItem,
      index: Number(index),
      newTransforms,
      optionName,
      direction,
      encoding
    });
  }
  return sortTransforms(newTransforms, direction);
};
var normalizeTransform = ({ stdioItem, stdioItem: { type }, index, newTransforms, optionName, direction, encoding }) => {
  if (type === "duplex") {
    return normalizeDuplex({ stdioItem, optionName });
  }
  if (type === "webTransform") {
    return normalizeTransformStream({
      stdioItem,
      index,
      newTransforms,
      direction
    });
  }
  return normalizeGenerator({
    stdioItem,
    index,
    newTransforms,
    direction,
    encoding
  });
};
var normalizeDuplex = ({ stdioItem, optionName }) => {
  const { value } = stdioItem;
  const { transform } = value;
  const { writableObjectMode, readableObjectMode } = transform;
  const { objectMode = readableObjectMode } = value;
  if (objectMode && !readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option can only be \`true\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  if (!objectMode && readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option cannot be \`false\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeTransformStream = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction }) => {
  const { transform, objectMode } = isPlainObject(value) ? value : { transform: value };
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeGenerator = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction, encoding }) => {
  const {
    transform,
    final,
    binary: binaryOption = false,
    preserveNewlines = false,
    objectMode
  } = isPlainObject(value) ? value : { transform: value };
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: {
      transform,
      final,
      binary,
      preserveNewlines,
      writableObjectMode,
      readableObjectMode
    }
  };
};
var sortTransforms = (newTransforms, direction) => direction === "input" ? newTransforms.reverse() : newTransforms;

// node_modules/execa/lib/stdio/direction.js
import process10 from "node:process";
var getStreamDirection = ({ stdioItems, isStdioArray, fdNumber, optionName }) => {
  const directions = stdioItems.map((stdioItem) => getStdioItemDirection(stdioItem, fdNumber, isStdioArray));
  if (directions.includes("input") && directions.includes("output")) {
    throw new TypeError(`The \`${optionName}\` option must not be an array of both readable and writable values.`);
  }
  return directions.find(Boolean) ?? DEFAULT_DIRECTION;
};
var getStdioItemDirection = (stdioItem, fdNumber, isStdioArray) => {
  const knownDirection = KNOWN_DIRECTIONS[fdNumber];
  const direction = getRequestedDirection(stdioItem);
  if (knownDirection === void 0) {
    return direction;
  }
  validateKnownDirection(stdioItem, knownDirection, isStdioArray);
  return knownDirection;
};
var getRequestedDirection = ({ type, value, direction, optionName }) => {
  const guessedDirection = guessStreamDirection[type](value);
  if (direction === "input" && guessedDirection === "output") {
    throw new TypeError(`The \`${optionName}\` option is invalid: \`input: true\` cannot be used with a writable value, which is always an output.`);
  }
  return direction ?? guessedDirection;
};
var validateKnownDirection = ({ type, value, optionName }, knownDirection, isStdioArray) => {
  if (!STREAM_TYPES.has(type) || !isStdioArray && getStandardStreamDirection(value) !== void 0) {
    return;
  }
  const guessedDirection = guessStreamDirection[type](value);
  if (guessedDirection === void 0 || guessedDirection === knownDirection) {
    return;
  }
  const valueName = guessedDirection === "input" ? "readable" : "writable";
  throw new TypeError(`The \`${optionName}\` option is invalid: a ${valueName} value is always an ${guessedDirection}, but \`${optionName}\` is an ${knownDirection}.`);
};
var STREAM_TYPES = /* @__PURE__ */ new Set(["native", "nodeStream", "webStream"]);
var KNOWN_DIRECTIONS = ["input", "output", "output"];
var anyDirection = () => void 0;
var alwaysInput = () => "input";
var guessStreamDirection = {
  generator: anyDirection,
  asyncGenerator: anyDirection,
  fileUrl: anyDirection,
  filePath: anyDirection,
  iterable: alwaysInput,
  asyncIterable: alwaysInput,
  uint8Array: alwaysInput,
  string: alwaysInput,
  webStream: (value) => isWritableStream2(value) ? "output" : "input",
  nodeStream(value) {
    if (!isReadableStream2(value, { checkOpen: false })) {
      return "output";
    }
    return isWritableStream(value, { checkOpen: false }) ? void 0 : "input";
  },
  webTransform: anyDirection,
  duplex: anyDirection,
  native(value) {
    const standardStreamDirection = getStandardStreamDirection(value);
    if (standardStreamDirection !== void 0) {
      return standardStreamDirection;
    }
    if (isStream2(value, { checkOpen: false })) {
      return guessStreamDirection.nodeStream(value);
    }
  }
};
var getStandardStreamDirection = (value) => {
  if ([0, process10.stdin].includes(value)) {
    return "input";
  }
  if ([1, 2, process10.stdout, process10.stderr].includes(value)) {
    return "output";
  }
};
var DEFAULT_DIRECTION = "output";

// node_modules/execa/lib/ipc/array.js
var normalizeIpcStdioArray = (stdioArray, ipc) => ipc ? [...stdioArray, "ipc"] : stdioArray;

// node_modules/execa/lib/stdio/stdio-option.js
var normalizeStdioOption = (options, verboseInfo, isSync) => {
  const { stdio, ipc, buffer } = options;
  const stdioArray = getStdioArray(stdio, options).map((stdioOption, fdNumber) => addDefaultValue2(stdioOption, fdNumber));
  validateIpcStdioOption(stdioArray);
  return isSync ? normalizeStdioSync(stdioArray, buffer, verboseInfo) : normalizeIpcStdioArray(stdioArray, ipc);
};
var validateIpcStdioOption = (stdioArray) => {
  if (stdioArray.some((stdioOption) => hasIpcStdioOption(stdioOption))) {
    throw new Error("The `ipc: true` option must be used instead of `stdio: 'ipc'`.");
  }
};
var hasIpcStdioOption = (stdioOption) => Array.isArray(stdioOption) ? stdioOption.some((item) => hasIpcStdioItem(item)) : hasIpcStdioItem(stdioOption);
var hasIpcStdioItem = (stdioOption) => isStdioValueObject(stdioOption) ? stdioOption.value === "ipc" : stdioOption === "ipc";
var getStdioArray = (stdio, options) => {
  if (stdio === void 0) {
    return STANDARD_STREAMS_ALIASES.map((alias) => options[alias]);
  }
  if (hasAlias(options)) {
    throw new Error(`It's not possible to provide \`stdio\` in combination with one of ${STANDARD_STREAMS_ALIASES.map((alias) => `\`${alias}\``).join(", ")}`);
  }
  if (typeof stdio === "string") {
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) {
    throw new TypeError(`Expected \`stdio\` to be of type \`string\` or \`Array\`, got \`${getTypeName(stdio)}\``);
  }
  const length = Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length);
  return Array.from({ length }, (_, fdNumber) => stdio[fdNumber]);
};
var hasAlias = (options) => STANDARD_STREAMS_ALIASES.some((alias) => options[alias] !== void 0);
var addDefaultValue2 = (stdioOption, fdNumber) => {
  if (Array.isArray(stdioOption)) {
    return stdioOption.map((item) => addDefaultValue2(item, fdNumber));
  }
  if (stdioOption === null || stdioOption === void 0) {
    return fdNumber >= STANDARD_STREAMS_ALIASES.length ? "ignore" : "pipe";
  }
  return stdioOption;
};
var normalizeStdioSync = (stdioArray, buffer, verboseInfo) => stdioArray.map((stdioOption, fdNumber) => !buffer[fdNumber] && isStandardOutputFd(fdNumber) && !isFullVerbose(verboseInfo, fdNumber) && isOutputPipeOnly(stdioOption, fdNumber) ? "ignore" : stdioOption);
var isOutputPipeOnly = (stdioOption, fdNumber) => isOutputPipe(stdioOption, fdNumber) || Array.isArray(stdioOption) && stdioOption.length > 0 && stdioOption.every((item) => isOutputPipe(item, fdNumber));
var isOutputPipe = (stdioOption, fdNumber) => stdioOption === "pipe" || isOutputPipeObject(stdioOption, fdNumber);
var isOutputPipeObject = (stdioOption, fdNumber) => isStdioValueObject(stdioOption) && stdioOption.value === "pipe" && (stdioOption.input === void 0 || stdioOption.input === false || isFixedOutputPipe(fdNumber, stdioOption.input));
var isFixedOutputPipe = (fdNumber, input) => input === true && isStandardOutputFd(fdNumber);
var isStandardOutputFd = (fdNumber) => fdNumber === 1 || fdNumber === 2;

// node_modules/execa/lib/stdio/native.js
import { readFileSync as readFileSync2 } from "node:fs";
import tty2 from "node:tty";

// node_modules/execa/lib/arguments/fd-options.js
var getToStream = (destination, to = "stdin") => {
  const isWritable2 = true;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(destination);
  const fdNumber = getFdNumber(fileDescriptors, to, isWritable2);
  const destinationStream = destination.stdio[fdNumber];
  if (destinationStream === null) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, to, options, isWritable2));
  }
  return destinationStream;
};
var getFromStream = (source, from = "stdout") => {
  const isWritable2 = false;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  const fdNumber = getFdNumber(fileDescriptors, from, isWritable2);
  const sourceStream = fdNumber === "all" ? source.all : source.stdio[fdNumber];
  if (sourceStream === null || sourceStream === void 0) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, from, options, isWritable2));
  }
  return sourceStream;
};
var SUBPROCESS_OPTIONS = /* @__PURE__ */ new WeakMap();
var getFdNumber = (fileDescriptors, fdName, isWritable2) => {
  const fdNumber = parseFdNumber(fdName, isWritable2);
  validateFdNumber(fdNumber, fdName, isWritable2, fileDescriptors);
  return fdNumber;
};
var parseFdNumber = (fdName, isWritable2) => {
  const fdNumber = parseFd(fdName);
  if (fdNumber !== void 0) {
    return fdNumber;
  }
  const { validOptions, defaultValue } = isWritable2 ? { validOptions: '"stdin"', defaultValue: "stdin" } : { validOptions: '"stdout", "stderr", "all"', defaultValue: "stdout" };
  throw new TypeError(`"${getOptionName(isWritable2)}" must not be "${fdName}".
It must be ${validOptions} or "fd3", "fd4" (and so on).
It is optional and defaults to "${defaultValue}".`);
};
var validateFdNumber = (fdNumber, fdName, isWritable2, fileDescriptors) => {
  const fileDescriptor = fileDescriptors[getUsedDescriptor(fdNumber)];
  if (fileDescriptor === void 0) {
    throw new TypeError(`"${getOptionName(isWritable2)}" must not be ${fdName}. That file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  if (!isWritable2 && fileDescriptor.direction === "input") {
    throw new TypeError(`"${getOptionName(isWritable2)}" must not be ${fdName}. It must be a readable stream, not writable.`);
  }
  if (isWritable2 && fileDescriptor.direction !== "input") {
    throw new TypeError(`"${getOptionName(isWritable2)}" must not be ${fdName}. It must be a writable stream, not readable.
If you meant to use it as input, please set its "stdio" option to \`{value: 'pipe', input: true}\`.`);
  }
};
var getInvalidStdioOptionMessage = (fdNumber, fdName, options, isWritable2) => {
  if (fdNumber === "all" && !options.all) {
    return `The "all" option must be true to use "from: 'all'".`;
  }
  const { optionName, optionValue } = getInvalidStdioOption(fdNumber, options);
  return `The "${optionName}: ${serializeOptionValue(optionValue)}" option is incompatible with using "${getOptionName(isWritable2)}: ${serializeOptionValue(fdName)}".
Please set this option with "pipe" instead.`;
};
var getInvalidStdioOption = (fdNumber, { stdin, stdout, stderr, stdio }) => {
  const usedDescriptor = getUsedDescriptor(fdNumber);
  if (usedDescriptor === 0 && stdin !== void 0) {
    return { optionName: "stdin", optionValue: stdin };
  }
  if (usedDescriptor === 1 && stdout !== void 0) {
    return { optionName: "stdout", optionValue: stdout };
  }
  return usedDescriptor === 2 && stderr !== void 0 ? { optionName: "stderr", optionValue: stderr } : { optionName: `stdio[${usedDescriptor}]`, optionValue: stdio[usedDescriptor] };
};
var getUsedDescriptor = (fdNumber) => fdNumber === "all" ? 1 : fdNumber;
var getOptionName = (isWritable2) => isWritable2 ? "to" : "from";
var serializeOptionValue = (value) => {
  if (typeof value === "string") {
    return `'${value}'`;
  }
  return typeof value === "number" ? `${value}` : "Stream";
};

// node_modules/execa/lib/stdio/native.js
var handleNativeStream = ({ stdioItem, stdioItem: { type }, isStdioArray, fdNumber, direction, isSync }) => {
  if (!isStdioArray || type !== "native") {
    return stdioItem;
  }
  return isSync ? handleNativeStreamSync({ stdioItem, fdNumber, direction }) : handleNativeStreamAsync({ stdioItem, fdNumber });
};
var handleNativeStreamSync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber, direction }) => {
  const targetFd = getTargetFd({
    value,
    optionName,
    fdNumber,
    direction
  });
  if (targetFd !== void 0) {
    return targetFd;
  }
  if (isStream2(value, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}: Stream\` option cannot both be an array and include a stream with synchronous methods.`);
  }
  return stdioItem;
};
var getTargetFd = ({ value, optionName, fdNumber, direction }) => {
  const targetFdNumber = getTargetFdNumber(value, fdNumber);
  if (targetFdNumber === void 0) {
    return;
  }
  if (direction === "output") {
    return { type: "fileNumber", value: targetFdNumber, optionName };
  }
  if (tty2.isatty(targetFdNumber)) {
    throw new TypeError(`The \`${optionName}: ${serializeOptionValue(value)}\` option is invalid: it cannot be a TTY with synchronous methods.`);
  }
  return { type: "uint8Array", contents: () => [bufferToUint8Array(readFileSync2(targetFdNumber))], optionName };
};
var getTargetFdNumber = (value, fdNumber) => {
  if (value === "inherit") {
    return fdNumber;
  }
  if (typeof value === "number") {
    return value;
  }
  const standardStreamIndex = STANDARD_STREAMS.indexOf(value);
  if (standardStreamIndex !== -1) {
    return standardStreamIndex;
  }
};
var handleNativeStreamAsync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber }) => {
  if (value === "inherit") {
    return { type: "nodeStream", value: getStandardStream(fdNumber, value, optionName), optionName };
  }
  if (typeof value === "number") {
    return { type: "nodeStream", value: getStandardStream(value, value, optionName), optionName };
  }
  return isStream2(value, { checkOpen: false }) ? { type: "nodeStream", value, optionName } : stdioItem;
};
var getStandardStream = (fdNumber, value, optionName) => {
  const standardStream = STANDARD_STREAMS[fdNumber];
  if (standardStream === void 0) {
    throw new TypeError(`The \`${optionName}: ${value}\` option is invalid: no such standard stream.`);
  }
  return standardStream;
};

// node_modules/execa/lib/stdio/input-option.js
var handleInputOptions = ({ input, inputFile }, fdNumber) => fdNumber === 0 ? [
  ...handleInputOption(input),
  ...handleInputFileOption(inputFile)
] : [];
var handleInputOption = (input) => input === void 0 ? [] : [{
  type: getInputType(input),
  value: input,
  optionName: "input"
}];
var getInputType = (input) => {
  if (isReadableStream2(input, { checkOpen: false })) {
    return "nodeStream";
  }
  if (typeof input === "string") {
    return "string";
  }
  if (isUint8Array(input)) {
    return "uint8Array";
  }
  throw new Error("The `input` option must be a string, a Uint8Array or a Node.js Readable stream.");
};
var handleInputFileOption = (inputFile) => inputFile === void 0 ? [] : [{
  ...getInputFileType(inputFile),
  optionName: "inputFile"
}];
var getInputFileType = (inputFile) => {
  if (isUrl(inputFile)) {
    return { type: "fileUrl", value: inputFile };
  }
  if (isFilePathString(inputFile)) {
    return { type: "filePath", value: { file: inputFile } };
  }
  throw new Error("The `inputFile` option must be a file path string or a file URL.");
};

// node_modules/execa/lib/stdio/duplicate.js
import path8 from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var isFileType = (type) => SPECIAL_DUPLICATE_TYPES_SYNC.has(type);
var getFileTarget = ({ type, value }) => type === "filePath" ? path8.resolve(value.file) : fileURLToPath3(value);
var filterDuplicates = (stdioItems) => stdioItems.filter((stdioItemOne, indexOne) => stdioItems.every((stdioItemTwo, indexTwo) => !hasSameValueAndDirection(stdioItemOne, stdioItemTwo) || indexOne >= indexTwo || stdioItemOne.type === "generator" || stdioItemOne.type === "asyncGenerator"));
var hasSameValueAndDirection = (stdioItemOne, stdioItemTwo) => stdioItemOne.value === stdioItemTwo.value && stdioItemOne.direction === stdioItemTwo.direction;
var getDuplicateStream = ({ stdioItem: { type, value, optionName }, direction, fileDescriptors, isSync }) => {
  const otherStdioItems = getOtherStdioItems(fileDescriptors, type);
  if (otherStdioItems.length === 0) {
    return;
  }
  if (isSync) {
    validateDuplicateStreamSync({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
    return;
  }
  if (SPECIAL_DUPLICATE_TYPES.has(type)) {
    return getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
  if (FORBID_DUPLICATE_TYPES.has(type)) {
    validateDuplicateTransform({
      otherStdioItems,
      type,
      value,
      optionName
    });
  }
};
var getOtherStdioItems = (fileDescriptors, type) => fileDescriptors.flatMap(
  ({ direction, stdioItems }) => stdioItems.map((stdioItem) => ({ ...stdioItem, direction }))
).filter((stdioItem) => isSameDuplicateType(stdioItem.type, type));
var isSameDuplicateType = (otherType, type) => otherType === type || isFileType(otherType) && isFileType(type);
var validateDuplicateStreamSync = ({ otherStdioItems, type, value, optionName, direction }) => {
  if (SPECIAL_DUPLICATE_TYPES_SYNC.has(type)) {
    getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
};
var getDuplicateStreamInstance = ({ otherStdioItems, type, value, optionName, direction }) => {
  const duplicateStdioItems = otherStdioItems.filter((stdioItem) => hasSameValue(stdioItem, type, value));
  if (duplicateStdioItems.length === 0) {
    return;
  }
  const differentStdioItem = duplicateStdioItems.find((stdioItem) => stdioItem.direction !== direction);
  throwOnDuplicateStream(differentStdioItem, optionName, type);
  return direction === "output" || type === "webStream" ? duplicateStdioItems[0].stream : void 0;
};
var hasSameValue = (otherStdioItem, type, value) => isFileType(otherStdioItem.type) ? getFileTarget(otherStdioItem) === getFileTarget({ type, value }) : otherStdioItem.value === value;
var validateDuplicateTransform = ({ otherStdioItems, type, value, optionName }) => {
  const duplicateStdioItem = otherStdioItems.find(({ value: { transform } }) => transform === value.transform);
  throwOnDuplicateStream(duplicateStdioItem, optionName, type);
};
var throwOnDuplicateStream = (stdioItem, optionName, type) => {
  if (stdioItem !== void 0) {
    throw new TypeError(`The \`${stdioItem.optionName}\` and \`${optionName}\` options must not target ${TYPE_TO_MESSAGE[type]} that is the same.`);
  }
};

// node_modules/execa/lib/stdio/handle.js
var handleStdio = (addProperties3, options, verboseInfo, isSync) => {
  const stdio = normalizeStdioOption(options, verboseInfo, isSync);
  const initialFileDescriptors = stdio.map((stdioOption, fdNumber) => getFileDescriptor({
    stdioOption,
    fdNumber,
    options,
    isSync
  }));
  const fileDescriptors = getFinalFileDescriptors({
    initialFileDescriptors,
    addProperties: addProperties3,
    options,
    isSync
  });
  options.stdio = fileDescriptors.map(({ stdioItems }) => forwardStdio(stdioItems));
  return fileDescriptors;
};
var getFileDescriptor = ({ stdioOption, fdNumber, options, isSync }) => {
  const optionName = getStreamName(fdNumber);
  const { stdioItems: initialStdioItems, isStdioArray } = initializeStdioItems({
    stdioOption,
    fdNumber,
    options,
    optionName
  });
  const direction = getStreamDirection({
    stdioItems: initialStdioItems,
    isStdioArray,
    fdNumber,
    optionName
  });
  const stdioItems = initialStdioItems.map((stdioItem) => handleNativeStream({
    stdioItem,
    isStdioArray,
    fdNumber,
    direction,
    isSync
  }));
  const normalizedStdioItems = normalizeTransforms(stdioItems, optionName, direction, options);
  const objectMode = getFdObjectMode(normalizedStdioItems, direction);
  validateFileObjectMode(normalizedStdioItems, objectMode);
  return { direction, objectMode, stdioItems: normalizedStdioItems };
};
var initializeStdioItems = ({ stdioOption, fdNumber, options, optionName }) => {
  const values = Array.isArray(stdioOption) ? stdioOption : [stdioOption];
  const inputStdioItems = handleInputOptions(options, fdNumber);
  const initialStdioItems = [
    ...omitInheritedStdin(values.map((value) => initializeStdioItem(value, optionName)), inputStdioItems),
    ...inputStdioItems
  ];
  const stdioItems = filterDuplicates(initialStdioItems);
  const isStdioArray = stdioItems.length > 1;
  validateStdioArray(stdioItems, isStdioArray, optionName);
  validateStreams(stdioItems, isStdioArray);
  return { stdioItems, isStdioArray };
};
var omitInheritedStdin = (stdioItems, inputStdioItems) => inputStdioItems.length > 0 && isInheritedStdinOnly(stdioItems) ? [] : stdioItems;
var isInheritedStdinOnly = (stdioItems) => stdioItems.length === 1 && stdioItems[0].type === "native" && stdioItems[0].value === "inherit";
var initializeStdioItem = (value, optionName) => {
  if (isStdioValueObject(value)) {
    return initializeStdioValueObject(value, optionName);
  }
  return {
    type: getStdioItemType(value, optionName),
    value,
    optionName
  };
};
var initializeStdioValueObject = ({ value, input }, optionName) => {
  checkBooleanOption(input, `${optionName}.input`);
  return {
    type: getStdioItemType(value, optionName),
    value,
    direction: input ? "input" : void 0,
    optionName
  };
};
var validateStdioArray = (stdioItems, isStdioArray, optionName) => {
  if (stdioItems.length === 0) {
    throw new TypeError(`The \`${optionName}\` option must not be an empty array.`);
  }
  if (!isStdioArray) {
    return;
  }
  for (const { value, optionName: optionName2 } of stdioItems) {
    if (INVALID_STDIO_ARRAY_OPTIONS.has(value)) {
      throw new Error(`The \`${optionName2}\` option must not include \`${value}\`.`);
    }
  }
};
var INVALID_STDIO_ARRAY_OPTIONS = /* @__PURE__ */ new Set(["ignore"]);
var validateStreams = (stdioItems, isStdioArray) => {
  for (const stdioItem of stdioItems) {
    validateFileStdio(stdioItem);
    validateFileDescriptorStdio(stdioItem);
    validateNativeStdio(stdioItem, isStdioArray);
  }
};
var validateFileDescriptorStdio = ({ type, value, optionName }) => {
  if (type !== "native") {
    return;
  }
  const fileDescriptor = typeof value === "number" ? value : value?.fd;
  if (typeof fileDescriptor === "number" && (!Number.isInteger(fileDescriptor) || fileDescriptor < 0 || fileDescriptor > MAX_FILE_DESCRIPTOR)) {
    throw new TypeError(`The \`${optionName}\` option must be a non-negative 32-bit integer: got ${fileDescriptor}.`);
  }
};
var MAX_FILE_DESCRIPTOR = 2 ** 31 - 1;
var validateNativeStdio = ({ type, value, optionName }, isStdioArray) => {
  if (type !== "native") {
    return;
  }
  if (isFileHandle(value)) {
    if (isStdioArray) {
      throw new TypeError(`The \`${optionName}\` option cannot combine file handles with other values.`);
    }
    return;
  }
  if (typeof value !== "string" && typeof value !== "number" && !isStream2(value, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}\` option is invalid: ${String(value)} (${typeof value}).`);
  }
};
var isFileHandle = (value) => typeof value?.fd === "number" && !isStream2(value, { checkOpen: false });
var validateFileStdio = ({ type, value, optionName }) => {
  if (isRegularUrl(value)) {
    throw new TypeError(`The \`${optionName}: URL\` option must use the \`file:\` scheme.
For example, you can use the \`pathToFileURL()\` method of the \`url\` core module.`);
  }
  if (isUnknownStdioString(type, value)) {
    throw new TypeError(`The \`${optionName}: { file: '...' }\` option must be used instead of \`${optionName}: '...'\`.`);
  }
};
var validateFileObjectMode = (stdioItems, objectMode) => {
  if (!objectMode) {
    return;
  }
  const fileStdioItem = stdioItems.find(({ type }) => FILE_TYPES.has(type));
  if (fileStdioItem !== void 0) {
    throw new TypeError(`The \`${fileStdioItem.optionName}\` option cannot use both files and transforms in objectMode.`);
  }
};
var getFinalFileDescriptors = ({ initialFileDescriptors, addProperties: addProperties3, options, isSync }) => {
  const fileDescriptors = [];
  try {
    for (const fileDescriptor of initialFileDescriptors) {
      addFinalFileDescriptor({
        fileDescriptor,
        fileDescriptors,
        addProperties: addProperties3,
        options,
        isSync
      });
    }
    return fileDescriptors;
  } catch (error) {
    cleanupCustomStreams(fileDescriptors);
    throw error;
  }
};
var addFinalFileDescriptor = ({ fileDescriptor, fileDescriptors, addProperties: addProperties3, options, isSync }) => {
  const { direction, objectMode, stdioItems } = fileDescriptor;
  const finalFileDescriptor = { direction, objectMode, stdioItems: [] };
  fileDescriptors.push(finalFileDescriptor);
  for (const stdioItem of stdioItems) {
    finalFileDescriptor.stdioItems.push(addStreamProperties({
      stdioItem,
      addProperties: addProperties3,
      direction,
      objectMode,
      options,
      fileDescriptors,
      isSync
    }));
  }
};
var addStreamProperties = ({ stdioItem, addProperties: addProperties3, direction, objectMode, options, fileDescriptors, isSync }) => {
  const duplicateStream = getDuplicateStream({
    stdioItem,
    direction,
    fileDescriptors,
    isSync
  });
  if (duplicateStream !== void 0) {
    return { ...stdioItem, stream: duplicateStream };
  }
  return {
    ...stdioItem,
    ...addProperties3[direction][stdioItem.type](stdioItem, options, objectMode)
  };
};
var cleanupCustomStreams = (fileDescriptors) => {
  for (const { stream } of fileDescriptors.flatMap(({ stdioItems }) => stdioItems)) {
    if (stream === void 0 || isStandardStream(stream)) {
      continue;
    }
    stream.on("error", () => {
    });
    stream.destroy();
  }
};
var forwardStdio = (stdioItems) => {
  if (stdioItems.length > 1) {
    return stdioItems.some(({ value: value2 }) => value2 === "overlapped") ? "overlapped" : "pipe";
  }
  const [{ type, value }] = stdioItems;
  return type === "native" ? value : "pipe";
};

// node_modules/execa/lib/stdio/handle-sync.js
var handleStdioSync = (options, verboseInfo) => handleStdio(addPropertiesSync, options, verboseInfo, true);
var forbiddenIfSync = ({ type, optionName }) => {
  throwInvalidSyncValue(optionName, TYPE_TO_MESSAGE[type]);
};
var forbiddenNativeIfSync = ({ optionName, value }) => {
  if (value === "overlapped") {
    throwInvalidSyncValue(optionName, `"${value}"`);
  }
  return {};
};
var forbiddenNativeInputIfSync = (stdioItem) => {
  const { optionName, value } = stdioItem;
  if (value === "pipe" && optionName !== "stdin") {
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be an input pipe with synchronous methods.`);
  }
  return forbiddenNativeIfSync(stdioItem);
};
var forbiddenInputTransformIfSync = ({ optionName }) => {
  if (optionName !== "stdin") {
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be an input transform with synchronous methods.`);
  }
};
var throwInvalidSyncValue = (optionName, value) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${value} with synchronous methods.`);
};
var addProperties = {
  generator() {
  },
  asyncGenerator: forbiddenIfSync,
  webStream: forbiddenIfSync,
  nodeStream: forbiddenIfSync,
  webTransform: forbiddenIfSync,
  duplex: forbiddenIfSync,
  asyncIterable: forbiddenIfSync,
  native: forbiddenNativeIfSync
};
var addPropertiesSync = {
  input: {
    ...addProperties,
    generator: forbiddenInputTransformIfSync,
    native: forbiddenNativeInputIfSync,
    // Files and iterables are read lazily, so that a file which cannot be read, or an iterable which throws, is reported like any other early error, instead of being thrown as a raw error
    fileUrl: ({ value }) => ({ contents: () => [bufferToUint8Array(readFileSync3(value))] }),
    filePath: ({ value: { file } }) => ({ contents: () => [bufferToUint8Array(readFileSync3(file))] }),
    fileNumber: forbiddenIfSync,
    iterable: ({ value }) => ({ contents: () => [...value] }),
    string: ({ value }) => ({ contents: [value] }),
    // `contents` is already set when reading from a file descriptor
    uint8Array: ({ value, contents = [value] }) => ({ contents })
  },
  output: {
    ...addProperties,
    fileUrl: ({ value }) => ({ path: value }),
    filePath: ({ value: { file, append } }) => ({ path: file, append }),
    fileNumber: ({ value }) => ({ path: value }),
    iterable: forbiddenIfSync,
    string: forbiddenIfSync,
    uint8Array: forbiddenIfSync
  }
};

// node_modules/execa/lib/transform/generator.js
import { Transform, getDefaultHighWaterMark } from "node:stream";
import { Buffer as Buffer6 } from "node:buffer";

// node_modules/execa/lib/transform/validate.js
import { Buffer as Buffer4 } from "node:buffer";
var getValidateTransformInput = (writableObjectMode, optionName) => writableObjectMode ? void 0 : validateStringTransformInput.bind(void 0, optionName);
var validateStringTransformInput = function* (optionName, chunk) {
  if (typeof chunk !== "string" && !isUint8Array(chunk) && !Buffer4.isBuffer(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's transform must use "objectMode: true" to receive as input: ${typeof chunk}.`);
  }
  yield chunk;
};
var getValidateTransformReturn = (readableObjectMode, optionName) => readableObjectMode ? validateObjectTransformReturn.bind(void 0, optionName) : validateStringTransformReturn.bind(void 0, optionName);
var validateObjectTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  yield chunk;
};
var validateStringTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  if (typeof chunk !== "string" && !isUint8Array(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's function must yield a string or an Uint8Array, not ${typeof chunk}.`);
  }
  yield chunk;
};
var validateEmptyReturn = (optionName, chunk) => {
  if (chunk === null || chunk === void 0) {
    throw new TypeError(`The \`${optionName}\` option's function must not call \`yield ${chunk}\`.
Instead, \`yield\` should either be called with a value, or not be called at all. For example:
  if (condition) { yield value; }`);
  }
};

// node_modules/execa/lib/transform/encoding-transform.js
import { Buffer as Buffer5 } from "node:buffer";
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
var getEncodingTransformGenerator = (binary, encoding, skipped) => {
  if (skipped) {
    return;
  }
  if (binary) {
    return { transform: encodingUint8ArrayGenerator.bind(void 0, new TextEncoder()) };
  }
  const stringDecoder = new StringDecoder2(encoding);
  return {
    transform: encodingStringGenerator.bind(void 0, stringDecoder),
    final: encodingStringFinal.bind(void 0, stringDecoder)
  };
};
var encodingUint8ArrayGenerator = function* (textEncoder3, chunk) {
  if (Buffer5.isBuffer(chunk)) {
    yield bufferToUint8Array(chunk);
  } else if (typeof chunk === "string") {
    yield textEncoder3.encode(chunk);
  } else {
    yield chunk;
  }
};
var encodingStringGenerator = function* (stringDecoder, chunk) {
  yield isUint8Array(chunk) ? stringDecoder.write(chunk) : chunk;
};
var encodingStringFinal = function* (stringDecoder) {
  const lastChunk = stringDecoder.end();
  if (lastChunk !== "") {
    yield lastChunk;
  }
};
var getStringToBytesGenerator = (binary, encoding, skipped) => skipped || encoding === "utf8" ? void 0 : { transform: stringToBytesGenerator.bind(void 0, getStringEncoding(binary, encoding)) };
var stringToBytesGenerator = function* (stringEncoding, chunk) {
  yield typeof chunk === "string" ? bufferToUint8Array(Buffer5.from(chunk, stringEncoding)) : chunk;
};

// node_modules/execa/lib/transform/run-async.js
import { callbackify } from "node:util";
var pushChunks = callbackify(async (getChunks2, state, getChunksArguments, transformStream) => {
  state.currentIterable = getChunks2(...getChunksArguments);
  try {
    for await (const chunk of state.currentIterable) {
      transformStream.push(chunk);
    }
  } finally {
    delete state.currentIterable;
  }
});
var transformChunk = async function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator } = generators[index];
  for await (const transformedChunk of transform(chunk)) {
    yield* transformChunk(transformedChunk, generators, index + 1);
  }
};
var finalChunks = async function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunks(final, Number(index), generators);
  }
};
var generatorFinalChunks = async function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for await (const finalChunk of final()) {
    yield* transformChunk(finalChunk, generators, index + 1);
  }
};
var destroyTransform = callbackify(async ({ currentIterable }, error) => {
  if (currentIterable !== void 0) {
    await (error ? currentIterable.throw(error) : currentIterable.return());
    return;
  }
  if (error) {
    throw error;
  }
});
var identityGenerator = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/run-sync.js
var pushChunksSync = (getChunksSync, getChunksArguments, transformStream, done) => {
  try {
    for (const chunk of getChunksSync(...getChunksArguments)) {
      transformStream.push(chunk);
    }
    done();
  } catch (error) {
    done(normalizeTransformError(error));
  }
};
var normalizeTransformError = (error) => error || Object.assign(new Error("Promise was rejected with falsy value"), {
  code: "ERR_FALSY_VALUE_REJECTION",
  reason: error
});
var runTransformSync = (generators, chunks) => {
  try {
    return [
      ...chunks.flatMap((chunk) => [...transformChunkSync(chunk, generators, 0)]),
      ...finalChunksSync(generators)
    ];
  } catch (error) {
    throw normalizeTransformError(error);
  }
};
var transformChunkSync = function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator2 } = generators[index];
  for (const transformedChunk of transform(chunk)) {
    yield* transformChunkSync(transformedChunk, generators, index + 1);
  }
};
var finalChunksSync = function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunksSync(final, Number(index), generators);
  }
};
var generatorFinalChunksSync = function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for (const finalChunk of final()) {
    yield* transformChunkSync(finalChunk, generators, index + 1);
  }
};
var identityGenerator2 = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/generator.js
var generatorToStream = ({
  value,
  value: {
    transform,
    final,
    binary,
    writableObjectMode,
    readableObjectMode
  },
  optionName
}, { encoding }) => {
  const state = {};
  const generators = addInternalGenerators(value, encoding, optionName);
  const transformAsync = isAsyncGenerator(transform);
  const finalAsync = isAsyncGenerator(final);
  const transformMethod = transformAsync ? pushChunks.bind(void 0, transformChunk, state) : pushChunksSync.bind(void 0, transformChunkSync);
  const finalMethod = transformAsync || finalAsync ? pushChunks.bind(void 0, finalChunks, state) : pushChunksSync.bind(void 0, finalChunksSync);
  const destroyMethod = transformAsync || finalAsync ? destroyTransform.bind(void 0, state) : void 0;
  const stream = new Transform({
    writableObjectMode,
    writableHighWaterMark: getDefaultHighWaterMark(writableObjectMode),
    readableObjectMode,
    readableHighWaterMark: getDefaultHighWaterMark(readableObjectMode),
    // A string written to the stream is converted to bytes with this encoding, which `getEncodingTransformGenerator()` then decodes with the `encoding` option
    defaultEncoding: getStringEncoding(binary, encoding),
    transform(chunk, encoding2, done) {
      transformMethod([chunk, generators, 0], this, done);
    },
    flush(done) {
      finalMethod([generators], this, done);
    },
    destroy: destroyMethod
  });
  return { stream };
};
var runGeneratorsSync = (chunks, stdioItems, encoding, isInput) => {
  const generators = stdioItems.filter(({ type }) => type === "generator");
  const reversedGenerators = isInput ? generators.reverse() : generators;
  for (const { value, optionName } of reversedGenerators) {
    if (!value.writableObjectMode) {
      const stringEncoding = getStringEncoding(value.binary, encoding);
      chunks = chunks.map((chunk) => typeof chunk === "string" ? Buffer6.from(chunk, stringEncoding) : chunk);
    }
    const generators2 = addInternalGenerators(value, encoding, optionName);
    chunks = runTransformSync(generators2, chunks);
  }
  return chunks;
};
var addInternalGenerators = ({ transform, final, binary, writableObjectMode, readableObjectMode, preserveNewlines }, encoding, optionName) => {
  const state = {};
  return [
    { transform: getValidateTransformInput(writableObjectMode, optionName) },
    getEncodingTransformGenerator(binary, encoding, writableObjectMode),
    getSplitLinesGenerator(binary, preserveNewlines, writableObjectMode, state),
    { transform, final },
    { transform: getValidateTransformReturn(readableObjectMode, optionName) },
    getAppendNewlineGenerator({
      binary,
      preserveNewlines,
      readableObjectMode,
      state,
      encoding
    }),
    getStringToBytesGenerator(binary, encoding, readableObjectMode)
  ].filter(Boolean);
};

// node_modules/execa/lib/io/input-sync.js
var addInputOptionsSync = (fileDescriptors, options) => {
  for (const fdNumber of getInputFdNumbers(fileDescriptors)) {
    addInputOptionSync(fileDescriptors, fdNumber, options);
  }
};
var getInputFdNumbers = (fileDescriptors) => new Set(Object.entries(fileDescriptors).filter(([, { direction }]) => direction === "input").map(([fdNumber]) => Number(fdNumber)));
var addInputOptionSync = (fileDescriptors, fdNumber, options) => {
  const { stdioItems } = fileDescriptors[fdNumber];
  const allStdioItems = stdioItems.filter(({ contents }) => contents !== void 0);
  if (allStdioItems.length === 0 && stdioItems.every(({ type }) => type !== "generator")) {
    return;
  }
  if (fdNumber !== 0) {
    const [{ type, optionName }] = allStdioItems;
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be ${TYPE_TO_MESSAGE[type]} with synchronous methods.`);
  }
  const chunks = allStdioItems.flatMap(({ type, contents }) => getChunks(type, typeof contents === "function" ? contents() : contents));
  options.input = applyInputGeneratorsSync(chunks, stdioItems, options.encoding);
};
var getChunks = (type, chunks) => type === "iterable" ? chunks : chunks.filter((chunk) => chunk.length > 0);
var applyInputGeneratorsSync = (chunks, stdioItems, encoding) => {
  const newContents = runGeneratorsSync(chunks, stdioItems, getInputEncoding(encoding), true);
  validateSerializable(newContents);
  return joinToUint8Array(newContents);
};
var validateSerializable = (newContents) => {
  const invalidItem = newContents.find((item) => !isSerializableInput(item));
  if (invalidItem !== void 0) {
    throwOnSerializableInput("stdin", invalidItem);
  }
};
var isSerializableInput = (item) => typeof item === "string" || isUint8Array(item);
var throwOnSerializableInput = (optionName, invalidItem) => {
  throw new TypeError(`The \`${optionName}\` option is invalid: when passing objects as input, a transform must be used to serialize them to strings or Uint8Arrays: ${invalidItem}.`);
};

// node_modules/execa/lib/io/output-sync.js
import { writeFileSync, appendFileSync } from "node:fs";

// node_modules/execa/lib/verbose/output.js
var shouldLogOutput = ({ stdioItems, encoding, verboseInfo, fdNumber }) => fdNumber !== "all" && isFullVerbose(verboseInfo, fdNumber) && !BINARY_ENCODINGS.has(encoding) && isFdVerbose(fdNumber) && (stdioItems.some(({ type, value }) => type === "native" && PIPED_STDIO_VALUES.has(value)) || stdioItems.every(({ type }) => TRANSFORM_TYPES.has(type)));
var isFdVerbose = (fdNumber) => fdNumber === 1 || fdNumber === 2;
var PIPED_STDIO_VALUES = /* @__PURE__ */ new Set(["pipe", "overlapped"]);
var logLines = async (linesIterable, stream, fdNumber, verboseInfo) => {
  for await (const line of linesIterable) {
    if (!isPipingStream(stream)) {
      logLine(line, fdNumber, verboseInfo);
    }
  }
};
var logLinesSync = (linesArray, fdNumber, verboseInfo) => {
  for (const line of linesArray) {
    logLine(line, fdNumber, verboseInfo);
  }
};
var isPipingStream = (stream) => stream._readableState.pipes.some((pipe) => !isAllStream(pipe) || isPipingStream(pipe));
var logLine = (line, fdNumber, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(line);
  verboseLog({
    type: "output",
    verboseMessage,
    fdNumber,
    verboseInfo
  });
};

// node_modules/execa/lib/io/output-sync.js
var transformOutputSync = ({ fileDescriptors, syncResult, options, verboseInfo }) => {
  const output = syncResult.output ?? getSpawnFailureOutput(options);
  const outputFiles = /* @__PURE__ */ new Set();
  const errors = [];
  const transformedOutput = output.map((result, fdNumber) => transformOutputResultSync({
    result,
    fileDescriptors,
    fdNumber,
    errors,
    outputFiles,
    verboseInfo
  }, options));
  return { output: transformedOutput, error: errors.find((error) => error !== void 0) };
};
var getSpawnFailureOutput = ({ stdio }) => stdio.map((stdioOption, fdNumber) => fdNumber !== 0 && stdioOption === "pipe" ? new Uint8Array() : null);
var transformOutputResultSync = ({ result, fileDescriptors, fdNumber, errors, outputFiles, verboseInfo }, { buffer, encoding, lines, stripFinalNewline: stripFinalNewline2, maxBuffer }) => {
  if (result === null) {
    return;
  }
  const truncatedResult = truncateMaxBufferSync(result, fdNumber, { maxBuffer, buffer });
  const uint8ArrayResult = bufferToUint8Array(truncatedResult);
  const { stdioItems, objectMode } = fileDescriptors[fdNumber];
  const { chunks, error: transformError } = runOutputGeneratorsSync(uint8ArrayResult.length === 0 ? [] : [uint8ArrayResult], stdioItems, encoding);
  const { serializedResult, finalResult } = serializeChunks({
    chunks,
    objectMode,
    encoding,
    lines,
    stripFinalNewline: stripFinalNewline2,
    fdNumber
  });
  const logError2 = logOutputSync({
    serializedResult,
    fdNumber,
    verboseInfo,
    encoding,
    stdioItems,
    objectMode
  });
  const error = transformError ?? logError2;
  errors.push(error);
  const returnedResult = buffer[fdNumber] ? finalResult : void 0;
  try {
    if (error === void 0) {
      writeToFiles(chunks, stdioItems, outputFiles);
    }
    return returnedResult;
  } catch (writeError) {
    errors.push(writeError);
    return returnedResult;
  }
};
var runOutputGeneratorsSync = (chunks, stdioItems, encoding) => {
  try {
    return { chunks: runGeneratorsSync(chunks, stdioItems, encoding, false), error: void 0 };
  } catch (error) {
    return { chunks: [], error };
  }
};
var serializeChunks = ({ chunks, objectMode, encoding, lines, stripFinalNewline: stripFinalNewline2, fdNumber }) => {
  if (objectMode) {
    return { serializedResult: chunks, finalResult: chunks };
  }
  if (encoding === "buffer") {
    const serializedResult2 = joinToUint8Array(chunks);
    return { serializedResult: serializedResult2, finalResult: serializedResult2 };
  }
  const serializedResult = joinToString(chunks, encoding);
  const finalResult = lines[fdNumber] ? splitLinesSync(serializedResult, !stripFinalNewline2[fdNumber], objectMode) : serializedResult;
  return { serializedResult, finalResult };
};
var logOutputSync = ({ serializedResult, fdNumber, verboseInfo, encoding, stdioItems, objectMode }) => {
  if (!shouldLogOutput({
    stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesArray = splitLinesSync(serializedResult, false, objectMode);
  try {
    logLinesSync(linesArray, fdNumber, verboseInfo);
  } catch (error) {
    return error;
  }
};
var writeToFiles = (chunks, stdioItems, outputFiles) => {
  const fileItems = stdioItems.filter(({ type }) => FILE_TYPES.has(type));
  if (fileItems.length === 0) {
    return;
  }
  const contents = joinToUint8Array(chunks);
  const writtenPaths = /* @__PURE__ */ new Set();
  for (const stdioItem of fileItems) {
    const { type, append } = stdioItem;
    const path10 = type === "fileNumber" ? stdioItem.path : getFileTarget(stdioItem);
    if (writtenPaths.has(path10)) {
      continue;
    }
    writtenPaths.add(path10);
    if (append || outputFiles.has(path10)) {
      appendFileSync(path10, contents);
    } else {
      writeFileSync(path10, contents);
    }
    outputFiles.add(path10);
  }
};

// node_modules/execa/lib/resolve/exit-async.js
import { once as once4 } from "node:events";
var waitForExit = async (subprocess, context) => {
  const [exitCode, signal] = await waitForExitOrError(subprocess);
  context.isForcefullyTerminated ??= false;
  return [exitCode, signal];
};
var waitForExitOrError = async (subprocess) => {
  const [spawnPayload, exitPayload] = await Promise.allSettled([
    once4(subprocess, "spawn"),
    once4(subprocess, "exit")
  ]);
  if (spawnPayload.status === "rejected") {
    return [];
  }
  return exitPayload.status === "rejected" ? waitForSubprocessExit(subprocess) : exitPayload.value;
};
var waitForSubprocessExit = async (subprocess) => {
  try {
    return await once4(subprocess, "exit");
  } catch {
    return waitForSubprocessExit(subprocess);
  }
};
var waitForSuccessfulExit = async (exitPromise) => {
  const [exitCode, signal] = await exitPromise;
  if (!isSubprocessErrorExit(exitCode, signal) && isFailedExit(exitCode, signal)) {
    throw new DiscardedError();
  }
  return [exitCode, signal];
};
var isSubprocessErrorExit = (exitCode, signal) => exitCode === void 0 && signal === void 0;
var isFailedExit = (exitCode, signal) => exitCode !== 0 || signal !== null;

// node_modules/execa/lib/resolve/exit-sync.js
var getExitResultSync = ({ error, status: exitCode, signal, output }, { maxBuffer, buffer }) => {
  const initialError = getResultError(error, exitCode, signal);
  const isTimedOut = initialError?.code === "ETIMEDOUT";
  const { resultError, isMaxBuffer } = isTimedOut ? { resultError: initialError, isMaxBuffer: false } : handleMaxBufferSync({
    resultError: initialError,
    output,
    maxBuffer,
    buffer
  });
  return {
    resultError,
    exitCode,
    signal,
    timedOut: isTimedOut,
    isMaxBuffer
  };
};
var getResultError = (error, exitCode, signal) => {
  if (error !== void 0) {
    return error;
  }
  return isFailedExit(exitCode, signal) ? new DiscardedError() : void 0;
};

// node_modules/execa/lib/methods/main-sync.js
var execaCoreSync = (rawFile, rawArguments, rawOptions) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleSyncArguments(rawFile, rawArguments, rawOptions);
  const result = spawnSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    verboseInfo,
    fileDescriptors,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var handleSyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const syncOptions = normalizeSyncOptions(rawOptions);
  const { file, commandArguments, options } = normalizeOptions(rawFile, rawArguments, syncOptions);
  validateSyncOptions(options);
  const fileDescriptors = handleStdioSync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var normalizeSyncOptions = (options) => options.node && !options.ipc ? { ...options, ipc: false } : options;
var validateSyncOptions = ({ ipc, ipcInput, detached, cancelSignal, killDescendants }) => {
  if (ipcInput !== void 0) {
    throwInvalidSyncOption("ipcInput");
  }
  if (ipc) {
    throwInvalidSyncOption("ipc: true");
  }
  if (detached) {
    throwInvalidSyncOption("detached: true");
  }
  if (killDescendants) {
    throwInvalidSyncOption("killDescendants: true");
  }
  if (cancelSignal) {
    throwInvalidSyncOption("cancelSignal");
  }
};
var throwInvalidSyncOption = (value) => {
  throw new TypeError(`The "${value}" option cannot be used with synchronous methods.`);
};
var spawnSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, verboseInfo, fileDescriptors, startTime }) => {
  const syncResult = runSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    fileDescriptors,
    startTime
  });
  if (syncResult.failed) {
    return syncResult;
  }
  const { resultError, exitCode, signal, timedOut, isMaxBuffer } = getExitResultSync(syncResult, options);
  const { output, error = resultError } = transformOutputSync({
    fileDescriptors,
    syncResult,
    options,
    verboseInfo
  });
  const stdio = output.map((stdioOutput, fdNumber) => stripNewline(stdioOutput, options, fdNumber));
  const allFds = getAllSyncFds(output);
  const all = stripNewline(getAllSync(output, allFds, options), options, "all", allFds);
  return getSyncResult({
    error,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer,
    stdio,
    all,
    options,
    command,
    escapedCommand,
    startTime
  });
};
var runSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, fileDescriptors, startTime }) => {
  try {
    addInputOptionsSync(fileDescriptors, options);
    const normalizedOptions = normalizeSpawnSyncOptions(options);
    return { __proto__: null, ...spawnSync(...concatenateShell(file, commandArguments, normalizedOptions)) };
  } catch (error) {
    return makeEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      isSync: true,
      ...getEarlyErrorOutput(fileDescriptors, options)
    });
  }
};
var normalizeSpawnSyncOptions = ({ encoding, maxBuffer, ...options }) => ({ ...options, encoding: "buffer", maxBuffer: getMaxBufferSync(maxBuffer) });
var getSyncResult = ({ error, exitCode, signal, timedOut, isMaxBuffer, stdio, all, options, command, escapedCommand, startTime }) => error === void 0 ? makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime
}) : makeError({
  error,
  command,
  escapedCommand,
  timedOut,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer,
  isForcefullyTerminated: false,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime,
  isSync: true
});

// node_modules/execa/lib/methods/main-async.js
import { setMaxListeners, once as once9 } from "node:events";
import { spawn } from "node:child_process";

// node_modules/execa/lib/ipc/methods.js
import process11 from "node:process";

// node_modules/execa/lib/ipc/get-one.js
import { once as once5, on as on2 } from "node:events";
var internalGetOneMessageOptions = /* @__PURE__ */ Symbol("internalGetOneMessageOptions");
var getOneMessage = ({ anyProcess, channel, isSubprocess, ipc }, rawOptions) => {
  const options = copyOptions(rawOptions);
  const { reference = true, filter } = options;
  const { signal } = options[internalGetOneMessageOptions] ?? {};
  validateIpcMethod({
    methodName: "getOneMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  return getOneMessageAsync({
    anyProcess,
    channel,
    isSubprocess,
    filter,
    reference,
    signal
  });
};
var getOneMessageAsync = async ({ anyProcess, channel, isSubprocess, filter, reference, signal }) => {
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  stopOnAbort(signal, controller);
  try {
    return await Promise.race([
      getMessage(ipcEmitter, filter, controller),
      throwOnDisconnect2(ipcEmitter, isSubprocess, controller),
      throwOnStrictError(ipcEmitter, isSubprocess, controller)
    ]);
  } catch (error) {
    if (!signal?.aborted) {
      disconnect(anyProcess);
    }
    throw error;
  } finally {
    controller.abort();
    removeReference(channel, reference);
  }
};
var stopOnAbort = (signal, controller) => {
  if (signal === void 0) {
    return;
  }
  if (signal.aborted) {
    controller.abort();
    return;
  }
  signal.addEventListener("abort", () => {
    controller.abort();
  }, { once: true, signal: controller.signal });
};
var getMessage = async (ipcEmitter, filter, { signal }) => {
  if (filter === void 0) {
    const [message] = await once5(ipcEmitter, "message", { signal });
    return message;
  }
  for await (const [message] of on2(ipcEmitter, "message", { signal })) {
    if (filter(message)) {
      return message;
    }
  }
};
var throwOnDisconnect2 = async (ipcEmitter, isSubprocess, { signal }) => {
  await once5(ipcEmitter, "disconnect", { signal });
  throwOnEarlyDisconnect(isSubprocess);
};
var throwOnStrictError = async (ipcEmitter, isSubprocess, { signal }) => {
  const [error] = await once5(ipcEmitter, "strict:error", { signal });
  throw getStrictResponseError(error, isSubprocess);
};

// node_modules/execa/lib/ipc/get-each.js
import { once as once6, on as on3 } from "node:events";
var internalGetEachMessageOptions = /* @__PURE__ */ Symbol("internalGetEachMessageOptions");
var getEachMessage = (subprocessInfo, rawOptions) => {
  const options = copyOptions(rawOptions);
  const { reference = true } = options;
  const { signal, shouldAwait = !subprocessInfo.isSubprocess } = options[internalGetEachMessageOptions] ?? {};
  return loopOnMessages({
    ...subprocessInfo,
    shouldAwait,
    reference,
    signal
  });
};
var loopOnMessages = ({ anyProcess, waitProcess = anyProcess, channel, isSubprocess, ipc, shouldAwait, reference, signal }) => {
  validateIpcMethod({
    methodName: "getEachMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  const state = {};
  stopOnAbort2(signal, controller);
  stopOnDisconnect(anyProcess, ipcEmitter, controller);
  abortOnStrictError({
    ipcEmitter,
    isSubprocess,
    controller,
    state
  });
  return iterateOnMessages({
    anyProcess,
    waitProcess,
    channel,
    ipcEmitter,
    isSubprocess,
    shouldAwait,
    controller,
    state,
    reference,
    signal
  });
};
var stopOnAbort2 = (signal, controller) => {
  if (signal === void 0) {
    return;
  }
  if (signal.aborted) {
    controller.abort();
    return;
  }
  signal.addEventListener("abort", () => {
    controller.abort();
  }, { once: true, signal: controller.signal });
};
var stopOnDisconnect = async (anyProcess, ipcEmitter, controller) => {
  try {
    await once6(ipcEmitter, "disconnect", { signal: controller.signal });
    controller.abort();
  } catch {
  }
};
var abortOnStrictError = async ({ ipcEmitter, isSubprocess, controller, state }) => {
  try {
    const [error] = await once6(ipcEmitter, "strict:error", { signal: controller.signal });
    state.error = getStrictResponseError(error, isSubprocess);
    controller.abort();
  } catch {
  }
};
var iterateOnMessages = async function* ({ anyProcess, waitProcess, channel, ipcEmitter, isSubprocess, shouldAwait, controller, state, reference, signal }) {
  try {
    for await (const [message] of on3(ipcEmitter, "message", { signal: controller.signal })) {
      throwIfStrictError(state);
      yield message;
    }
  } catch {
    throwIfStrictError(state);
  } finally {
    controller.abort();
    removeReference(channel, reference);
    if (!isSubprocess && !signal?.aborted) {
      disconnect(anyProcess);
    }
    if (shouldAwait) {
      await waitProcess;
    }
  }
};
var throwIfStrictError = ({ error }) => {
  if (error) {
    throw error;
  }
};

// node_modules/execa/lib/ipc/methods.js
var addIpcMethods = (target, subprocess, { ipc }) => {
  Object.assign(target, getIpcMethods(subprocess, false, ipc, target));
};
var getIpcExport = () => {
  const anyProcess = process11;
  const isSubprocess = true;
  const isIpc = process11.channel !== void 0;
  return {
    ...getIpcMethods(anyProcess, isSubprocess, isIpc),
    getCancelSignal: getCancelSignal.bind(void 0, {
      anyProcess,
      channel: anyProcess.channel,
      isSubprocess,
      ipc: isIpc
    })
  };
};
var getIpcMethods = (anyProcess, isSubprocess, ipc, waitProcess = anyProcess) => ({
  sendMessage: sendMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getOneMessage: getOneMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getEachMessage: getEachMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc,
    waitProcess
  })
});

// node_modules/execa/lib/return/early-error.js
import { ChildProcess as ChildProcess2 } from "node:child_process";
import { callbackify as callbackify2 } from "node:util";
import {
  PassThrough,
  Readable,
  Writable,
  Duplex
} from "node:stream";
var handleEarlyError = ({ error, command, escapedCommand, fileDescriptors, options, startTime, verboseInfo }) => {
  cleanupCustomStreams(fileDescriptors);
  const subprocess = new ChildProcess2();
  subprocess.kill = () => false;
  const all = createDummyStreams(subprocess, fileDescriptors);
  const promise = handleDummyPromise({
    error,
    command,
    escapedCommand,
    fileDescriptors,
    options,
    startTime,
    verboseInfo
  });
  return {
    subprocess,
    promise,
    all: options.all ? all : void 0,
    convertedStreams: getConvertedStreams(promise)
  };
};
var createDummyStreams = (subprocess, fileDescriptors) => {
  const stdin = createDummyStream();
  const stdout = createDummyStream();
  const stderr = createDummyStream();
  const extraStdio = Array.from({ length: fileDescriptors.length - 3 }, createDummyStream);
  const all = createDummyStream();
  const stdio = [stdin, stdout, stderr, ...extraStdio];
  Object.assign(subprocess, {
    stdin,
    stdout,
    stderr,
    stdio
  });
  return all;
};
var createDummyStream = () => {
  const stream = new PassThrough();
  stream.on("error", () => {
  });
  stream.end();
  return stream;
};
var getConvertedStreams = (promise) => {
  const waitForPromise = async () => {
    await promise;
  };
  const endReadable = function() {
    callbackify2(waitForPromise)((error) => {
      if (error) {
        this.destroy(error);
      } else {
        this.push(null);
      }
    });
  };
  const endWritable = callbackify2(waitForPromise);
  const writeWritable = (chunk, encoding, done) => {
    endWritable(done);
  };
  const readable = () => new Readable({ read: endReadable });
  const writable = () => new Writable({ write: writeWritable, final: endWritable });
  const duplex = () => new Duplex({ read: endReadable, write: writeWritable, final: endWritable });
  const iterable = () => readable()[Symbol.asyncIterator]();
  return {
    readable,
    writable,
    duplex,
    readableStream: () => Readable.toWeb(readable()),
    writableStream: () => Writable.toWeb(writable()),
    transformStream: () => Duplex.toWeb(duplex()),
    iterable,
    [Symbol.asyncIterator]: iterable
  };
};
var handleDummyPromise = async ({ error, command, escapedCommand, fileDescriptors, options, startTime, verboseInfo }) => {
  const earlyError = makeEarlyError({
    error: await error,
    command,
    escapedCommand,
    fileDescriptors,
    options,
    startTime,
    isSync: false,
    ...getEarlyErrorOutput(fileDescriptors, options)
  });
  return handleResult(earlyError, verboseInfo, options);
};

// node_modules/execa/lib/stdio/handle-async.js
import { createReadStream, createWriteStream } from "node:fs";
import { Buffer as Buffer7 } from "node:buffer";
import { Readable as Readable2, Writable as Writable2, Duplex as Duplex2 } from "node:stream";
var handleStdioAsync = (options, verboseInfo) => handleStdio(addPropertiesAsync, options, verboseInfo, false);
var forbiddenIfAsync = ({ type, optionName }) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${TYPE_TO_MESSAGE[type]}.`);
};
var addProperties2 = {
  fileNumber: forbiddenIfAsync,
  generator: generatorToStream,
  asyncGenerator: generatorToStream,
  nodeStream: ({ value }) => ({ stream: value }),
  // `Duplex.fromWeb()` uses the same `objectMode` for both sides
  webTransform: ({ value: { transform, writableObjectMode, readableObjectMode } }) => ({
    stream: Duplex2.from({
      writable: Writable2.fromWeb(transform.writable, { objectMode: writableObjectMode }),
      readable: Readable2.fromWeb(transform.readable, { objectMode: readableObjectMode })
    })
  }),
  duplex: ({ value: { transform } }) => ({ stream: transform }),
  native() {
  }
};
var validateIterable = function* (iterable, optionName) {
  for (const value of iterable) {
    validateIterableValue(value, optionName);
    yield value;
  }
};
var validateAsyncIterable = async function* (iterable, optionName) {
  for await (const value of iterable) {
    validateIterableValue(value, optionName);
    yield value;
  }
};
var validateIterableValue = (value, optionName) => {
  if (!isSerializableInput(value)) {
    throwOnSerializableInput(optionName, value);
  }
};
var readableFromChunk = (chunk) => Readable2.from(chunk.length === 0 ? [] : [chunk]);
var generatorToInputStream = (stdioItem, { encoding }) => generatorToStream(stdioItem, { encoding: getInputEncoding(encoding) });
var addPropertiesAsync = {
  input: {
    ...addProperties2,
    generator: generatorToInputStream,
    asyncGenerator: generatorToInputStream,
    fileUrl: ({ value }) => ({ stream: createReadStream(value) }),
    filePath: ({ value: { file } }) => ({ stream: createReadStream(file) }),
    webStream: ({ value }, options, objectMode) => ({ stream: Readable2.fromWeb(value, { objectMode }) }),
    iterable: ({ value, optionName }, options, objectMode) => ({ stream: Readable2.from(objectMode ? value : validateIterable(value, optionName)) }),
    asyncIterable: ({ value, optionName }, options, objectMode) => ({ stream: Readable2.from(objectMode ? value : validateAsyncIterable(value, optionName)) }),
    string: ({ value }) => ({ stream: readableFromChunk(value) }),
    uint8Array: ({ value }) => ({ stream: readableFromChunk(Buffer7.from(value)) })
  },
  output: {
    ...addProperties2,
    fileUrl: ({ value }) => ({ stream: createWriteStream(value) }),
    filePath: ({ value: { file, append } }) => ({ stream: createWriteStream(file, append ? { flags: "a" } : {}) }),
    // Web writers accept arbitrary chunks, including when a shared writer receives both bytes and objects.
    webStream: ({ value }) => ({ stream: Writable2.fromWeb(value, { objectMode: true }) }),
    iterable: forbiddenIfAsync,
    asyncIterable: forbiddenIfAsync,
    string: forbiddenIfAsync,
    uint8Array: forbiddenIfAsync
  }
};

// node_modules/@sindresorhus/merge-streams/index.js
import { on as on4, once as once7 } from "node:events";
import { PassThrough as PassThroughStream, getDefaultHighWaterMark as getDefaultHighWaterMark2 } from "node:stream";
import { finished as finished2 } from "node:stream/promises";
function mergeStreams(streams) {
  if (!Array.isArray(streams)) {
    throw new TypeError(`Expected an array, got \`${typeof streams}\`.`);
  }
  for (const stream of streams) {
    validateStream(stream);
  }
  const objectMode = streams.some(({ readableObjectMode }) => readableObjectMode);
  const highWaterMark = getHighWaterMark(streams, objectMode);
  const passThroughStream = new MergedStream({
    objectMode,
    writableHighWaterMark: highWaterMark,
    readableHighWaterMark: highWaterMark
  });
  for (const stream of streams) {
    passThroughStream.add(stream);
  }
  return passThroughStream;
}
var getHighWaterMark = (streams, objectMode) => {
  if (streams.length === 0) {
    return getDefaultHighWaterMark2(objectMode);
  }
  const highWaterMarks = streams.filter(({ readableObjectMode }) => readableObjectMode === objectMode).map(({ readableHighWaterMark }) => readableHighWaterMark);
  return Math.max(...highWaterMarks);
};
var MergedStream = class extends PassThroughStream {
  #streams = /* @__PURE__ */ new Set([]);
  #ended = /* @__PURE__ */ new Set([]);
  #aborted = /* @__PURE__ */ new Set([]);
  #onFinished;
  #unpipeEvent = /* @__PURE__ */ Symbol("unpipe");
  #streamPromises = /* @__PURE__ */ new WeakMap();
  add(stream) {
    validateStream(stream);
    if (this.#streams.has(stream)) {
      return;
    }
    this.#streams.add(stream);
    this.#onFinished ??= onMergedStreamFinished(this, this.#streams, this.#unpipeEvent);
    const streamPromise = endWhenStreamsDone({
      passThroughStream: this,
      stream,
      streams: this.#streams,
      ended: this.#ended,
      aborted: this.#aborted,
      onFinished: this.#onFinished,
      unpipeEvent: this.#unpipeEvent
    });
    this.#streamPromises.set(stream, streamPromise);
    stream.pipe(this, { end: false });
  }
  async remove(stream) {
    validateStream(stream);
    if (!this.#streams.has(stream)) {
      return false;
    }
    const streamPromise = this.#streamPromises.get(stream);
    if (streamPromise === void 0) {
      return false;
    }
    this.#streamPromises.delete(stream);
    stream.unpipe(this);
    await streamPromise;
    return true;
  }
};
var onMergedStreamFinished = async (passThroughStream, streams, unpipeEvent) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_COUNT);
  const controller = new AbortController();
  try {
    await Promise.race([
      onMergedStreamEnd(passThroughStream, controller),
      onInputStreamsUnpipe(passThroughStream, streams, unpipeEvent, controller)
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_COUNT);
  }
};
var onMergedStreamEnd = async (passThroughStream, { signal }) => {
  try {
    await finished2(passThroughStream, { signal, cleanup: true });
  } catch (error) {
    errorOrAbortStream(passThroughStream, error);
    throw error;
  }
};
var onInputStreamsUnpipe = async (passThroughStream, streams, unpipeEvent, { signal }) => {
  for await (const [unpipedStream] of on4(passThroughStream, "unpipe", { signal })) {
    if (streams.has(unpipedStream)) {
      unpipedStream.emit(unpipeEvent);
    }
  }
};
var validateStream = (stream) => {
  if (typeof stream?.pipe !== "function") {
    throw new TypeError(`Expected a readable stream, got: \`${typeof stream}\`.`);
  }
};
var endWhenStreamsDone = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, onFinished, unpipeEvent }) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_PER_STREAM);
  const controller = new AbortController();
  try {
    await Promise.race([
      afterMergedStreamFinished(onFinished, stream, controller),
      onInputStreamEnd({
        passThroughStream,
        stream,
        streams,
        ended,
        aborted: aborted2,
        controller
      }),
      onInputStreamUnpipe({
        stream,
        streams,
        ended,
        aborted: aborted2,
        unpipeEvent,
        controller
      })
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_PER_STREAM);
  }
  if (streams.size > 0 && streams.size === ended.size + aborted2.size) {
    if (ended.size === 0 && aborted2.size > 0) {
      abortStream(passThroughStream);
    } else {
      endStream(passThroughStream);
    }
  }
};
var afterMergedStreamFinished = async (onFinished, stream, { signal }) => {
  try {
    await onFinished;
    if (!signal.aborted) {
      abortStream(stream);
    }
  } catch (error) {
    if (!signal.aborted) {
      errorOrAbortStream(stream, error);
    }
  }
};
var onInputStreamEnd = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, controller: { signal } }) => {
  try {
    await finished2(stream, {
      signal,
      cleanup: true,
      readable: true,
      writable: false
    });
    if (streams.has(stream)) {
      ended.add(stream);
    }
  } catch (error) {
    if (signal.aborted || !streams.has(stream)) {
      return;
    }
    if (isAbortError(error)) {
      aborted2.add(stream);
    } else {
      errorStream(passThroughStream, error);
    }
  }
};
var onInputStreamUnpipe = async ({ stream, streams, ended, aborted: aborted2, unpipeEvent, controller: { signal } }) => {
  await once7(stream, unpipeEvent, { signal });
  if (!stream.readable) {
    return once7(signal, "abort", { signal });
  }
  streams.delete(stream);
  ended.delete(stream);
  aborted2.delete(stream);
};
var endStream = (stream) => {
  if (stream.writable) {
    stream.end();
  }
};
var errorOrAbortStream = (stream, error) => {
  if (isAbortError(error)) {
    abortStream(stream);
  } else {
    errorStream(stream, error);
  }
};
var isAbortError = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var abortStream = (stream) => {
  if (stream.readable || stream.writable) {
    stream.destroy();
  }
};
var errorStream = (stream, error) => {
  if (!stream.destroyed) {
    stream.once("error", noop2);
    stream.destroy(error);
  }
};
var noop2 = () => {
};
var updateMaxListeners = (passThroughStream, increment2) => {
  const maxListeners = passThroughStream.getMaxListeners();
  if (maxListeners !== 0 && maxListeners !== Number.POSITIVE_INFINITY) {
    passThroughStream.setMaxListeners(maxListeners + increment2);
  }
};
var PASSTHROUGH_LISTENERS_COUNT = 2;
var PASSTHROUGH_LISTENERS_PER_STREAM = 1;

// node_modules/execa/lib/io/pipeline.js
import { finished as finished3 } from "node:stream/promises";
var pipeStreams = (source, destination, onDestinationEnd) => {
  source.pipe(destination);
  onSourceFinish(source, destination);
  onDestinationFinish(source, destination, onDestinationEnd);
};
var onSourceFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(source, { cleanup: true, readable: true, writable: false });
  } catch {
  }
  endDestinationStream(destination);
};
var endDestinationStream = (destination) => {
  if (destination.writable) {
    destination.end();
  }
};
var onDestinationFinish = async (source, destination, onDestinationEnd) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(destination, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  if (onDestinationEnd !== void 0) {
    await onDestinationEnd();
  }
  abortSourceStream(source);
};
var abortSourceStream = (source) => {
  if (source.readable) {
    source.destroy();
  }
};

// node_modules/execa/lib/io/output-async.js
var pipeOutputAsync = (subprocess, fileDescriptors, controller) => {
  const pipeGroups = /* @__PURE__ */ new Map();
  for (const [fdNumber, { stdioItems, direction }] of Object.entries(fileDescriptors)) {
    const transformItems = stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type));
    for (const { stream } of transformItems) {
      pipeTransform(subprocess, stream, direction, fdNumber);
    }
    const nonTransformItems = stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type));
    for (const { stream } of nonTransformItems) {
      pipeStdioItem({
        subprocess,
        stream,
        direction,
        fdNumber,
        pipeGroups,
        controller
      });
    }
  }
  for (const [outputStream, inputStreams] of pipeGroups) {
    const inputStream = inputStreams.length === 1 ? inputStreams[0] : mergeStreams(inputStreams);
    pipeStreams(inputStream, outputStream);
  }
};
var pipeTransform = (subprocess, stream, direction, fdNumber) => {
  if (direction === "output") {
    pipeStreams(subprocess.stdio[fdNumber], stream);
  } else {
    pipeStreams(stream, subprocess.stdio[fdNumber]);
  }
  const streamProperty = SUBPROCESS_STREAM_PROPERTIES[fdNumber];
  if (streamProperty !== void 0) {
    subprocess[streamProperty] = stream;
  }
  subprocess.stdio[fdNumber] = stream;
};
var SUBPROCESS_STREAM_PROPERTIES = ["stdin", "stdout", "stderr"];
var pipeStdioItem = ({ subprocess, stream, direction, fdNumber, pipeGroups, controller }) => {
  if (stream === void 0) {
    return;
  }
  setStandardStreamMaxListeners(stream, controller);
  const [inputStream, outputStream] = direction === "output" ? [stream, subprocess.stdio[fdNumber]] : [subprocess.stdio[fdNumber], stream];
  const outputStreams = pipeGroups.get(inputStream) ?? [];
  pipeGroups.set(inputStream, [...outputStreams, outputStream]);
};
var setStandardStreamMaxListeners = (stream, { signal }) => {
  if (isStandardStream(stream)) {
    incrementMaxListeners(stream, MAX_LISTENERS_INCREMENT, signal);
  }
};
var MAX_LISTENERS_INCREMENT = 2;

// node_modules/execa/lib/terminate/kill-descendants.js
import process12 from "node:process";
import { execFile } from "node:child_process";
import path9 from "node:path/win32";
var isWindows2 = process12.platform === "win32";
var getSpawnOptions = (options) => !isWindows2 && options.killDescendants ? { ...options, detached: true } : options;
var getKillFunction = (subprocess, { killDescendants }) => {
  if (!killDescendants) {
    const killSubprocess = subprocess.kill.bind(subprocess);
    return (...arguments_) => subprocess.pid === void 0 ? false : killSubprocess(...arguments_);
  }
  const killDescendantsFunction = isWindows2 ? killDescendantsWindows : killDescendantsUnix;
  return killDescendantsFunction.bind(void 0, subprocess);
};
var isAbandoned = (subprocess) => subprocess.pid === void 0 || isWindows2 && hasExited(subprocess);
var hasExited = ({ exitCode, signalCode }) => exitCode !== null || signalCode !== null;
var killDescendantsUnix = (subprocess, signal) => {
  if (isAbandoned(subprocess)) {
    return false;
  }
  try {
    return process12.kill(-subprocess.pid, signal);
  } catch {
    return subprocess.kill(signal);
  }
};
var killDescendantsWindows = (subprocess, signal) => {
  if (isAbandoned(subprocess)) {
    return false;
  }
  const taskkillFile = getTaskkillFile();
  if (taskkillFile === void 0) {
    return subprocess.kill(signal);
  }
  execFile(taskkillFile, ["/pid", `${subprocess.pid}`, "/T", "/F"], (error) => {
    if (error) {
      subprocess.kill(signal);
    }
  });
  return true;
};
var getTaskkillFile = () => {
  const windowsDirectory = [process12.env.SystemRoot, process12.env.windir].find((directory) => directory && isWindowsDriveAbsolutePath(directory));
  return windowsDirectory === void 0 ? void 0 : path9.join(windowsDirectory, "System32", "taskkill.exe");
};
var isWindowsDriveAbsolutePath = (directory) => {
  const { root } = path9.parse(directory);
  return /^[a-z]:[/\\]/i.test(root);
};

// node_modules/execa/lib/terminate/cleanup.js
import { addAbortListener as addAbortListener2 } from "node:events";

// node_modules/signal-exit/dist/mjs/signals.js
var signals = [];
signals.push("SIGHUP", "SIGINT", "SIGTERM");
if (process.platform !== "win32") {
  signals.push(
    "SIGALRM",
    "SIGABRT",
    "SIGVTALRM",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGUSR2",
    "SIGTRAP",
    "SIGSYS",
    "SIGQUIT",
    "SIGIOT"
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  );
}
if (process.platform === "linux") {
  signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
}

// node_modules/signal-exit/dist/mjs/index.js
var processOk = (process14) => !!process14 && typeof process14 === "object" && typeof process14.removeListener === "function" && typeof process14.emit === "function" && typeof process14.reallyExit === "function" && typeof process14.listeners === "function" && typeof process14.kill === "function" && typeof process14.pid === "number" && typeof process14.on === "function";
var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
var global = globalThis;
var ObjectDefineProperty = Object.defineProperty.bind(Object);
var Emitter = class {
  emitted = {
    afterExit: false,
    exit: false
  };
  listeners = {
    afterExit: [],
    exit: []
  };
  count = 0;
  id = Math.random();
  constructor() {
    if (global[kExitEmitter]) {
      return global[kExitEmitter];
    }
    ObjectDefineProperty(global, kExitEmitter, {
      value: this,
      writable: false,
      enumerable: false,
      configurable: false
    });
  }
  on(ev, fn) {
    this.listeners[ev].push(fn);
  }
  removeListener(ev, fn) {
    const list = this.listeners[ev];
    const i2 = list.indexOf(fn);
    if (i2 === -1) {
      return;
    }
    if (i2 === 0 && list.length === 1) {
      list.length = 0;
    } else {
      list.splice(i2, 1);
    }
  }
  emit(ev, code, signal) {
    if (this.emitted[ev]) {
      return false;
    }
    this.emitted[ev] = true;
    let ret = false;
    for (const fn of this.listeners[ev]) {
      ret = fn(code, signal) === true || ret;
    }
    if (ev === "exit") {
      ret = this.emit("afterExit", code, signal) || ret;
    }
    return ret;
  }
};
var SignalExitBase = class {
};
var signalExitWrap = (handler) => {
  return {
    onExit(cb, opts) {
      return handler.onExit(cb, opts);
    },
    load() {
      return handler.load();
    },
    unload() {
      return handler.unload();
    }
  };
};
var SignalExitFallback = class extends SignalExitBase {
  onExit() {
    return () => {
    };
  }
  load() {
  }
  unload() {
  }
};
var SignalExit = class extends SignalExitBase {
  // "SIGHUP" throws an `ENOSYS` error on Windows,
  // so use a supported signal instead
  /* c8 ignore start */
  #hupSig = process13.platform === "win32" ? "SIGINT" : "SIGHUP";
  /* c8 ignore stop */
  #emitter = new Emitter();
  #process;
  #originalProcessEmit;
  #originalProcessReallyExit;
  #sigListeners = {};
  #loaded = false;
  constructor(process14) {
    super();
    this.#process = process14;
    this.#sigListeners = {};
    for (const sig of signals) {
      this.#sigListeners[sig] = () => {
        const listeners = this.#process.listeners(sig);
        let { count: count2 } = this.#emitter;
        const p = process14;
        if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
          count2 += p.__signal_exit_emitter__.count;
        }
        if (listeners.length === count2) {
          this.unload();
          const ret = this.#emitter.emit("exit", null, sig);
          const s = sig === "SIGHUP" ? this.#hupSig : sig;
          if (!ret)
            process14.kill(process14.pid, s);
        }
      };
    }
    this.#originalProcessReallyExit = process14.reallyExit;
    this.#originalProcessEmit = process14.emit;
  }
  onExit(cb, opts) {
    if (!processOk(this.#process)) {
      return () => {
      };
    }
    if (this.#loaded === false) {
      this.load();
    }
    const ev = opts?.alwaysLast ? "afterExit" : "exit";
    this.#emitter.on(ev, cb);
    return () => {
      this.#emitter.removeListener(ev, cb);
      if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
        this.unload();
      }
    };
  }
  load() {
    if (this.#loaded) {
      return;
    }
    this.#loaded = true;
    this.#emitter.count += 1;
    for (const sig of signals) {
      try {
        const fn = this.#sigListeners[sig];
        if (fn)
          this.#process.on(sig, fn);
      } catch (_) {
      }
    }
    this.#process.emit = (ev, ...a2) => {
      return this.#processEmit(ev, ...a2);
    };
    this.#process.reallyExit = (code) => {
      return this.#processReallyExit(code);
    };
  }
  unload() {
    if (!this.#loaded) {
      return;
    }
    this.#loaded = false;
    signals.forEach((sig) => {
      const listener = this.#sigListeners[sig];
      if (!listener) {
        throw new Error("Listener not defined for signal: " + sig);
      }
      try {
        this.#process.removeListener(sig, listener);
      } catch (_) {
      }
    });
    this.#process.emit = this.#originalProcessEmit;
    this.#process.reallyExit = this.#originalProcessReallyExit;
    this.#emitter.count -= 1;
  }
  #processReallyExit(code) {
    if (!processOk(this.#process)) {
      return 0;
    }
    this.#process.exitCode = code || 0;
    this.#emitter.emit("exit", this.#process.exitCode, null);
    return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
  }
  #processEmit(ev, ...args) {
    const og = this.#originalProcessEmit;
    if (ev === "exit" && processOk(this.#process)) {
      if (typeof args[0] === "number") {
        this.#process.exitCode = args[0];
      }
      const ret = og.call(this.#process, ev, ...args);
      this.#emitter.emit("exit", this.#process.exitCode, null);
      return ret;
    } else {
      return og.call(this.#process, ev, ...args);
    }
  }
};
var process13 = globalThis.process;
var {
  /**
   * Called when the process is exiting, whether via signal, explicit
   * exit, or running out of stuff to do.
   *
   * If the global process object is not suitable for instrumentation,
   * then this will be a no-op.
   *
   * Returns a function that may be used to unload signal-exit.
   */
  onExit,
  /**
   * Load the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  load,
  /**
   * Unload the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  unload
} = signalExitWrap(processOk(process13) ? new SignalExit(process13) : new SignalExitFallback());

// node_modules/execa/lib/terminate/cleanup.js
var cleanupOnExit = (kill, { cleanup, detached }, { signal }) => {
  if (!cleanup || detached) {
    return;
  }
  const removeExitHandler = onExit(() => {
    kill();
  });
  addAbortListener2(signal, () => {
    removeExitHandler();
  });
};

// node_modules/execa/lib/convert/concurrent.js
var initializeConcurrentStreams = () => ({
  readableDestroy: /* @__PURE__ */ new WeakMap(),
  writableFinal: /* @__PURE__ */ new WeakMap(),
  writableDestroy: /* @__PURE__ */ new WeakMap()
});
var addConcurrentStream = (concurrentStreams, stream, waitName) => {
  const weakMap = concurrentStreams[waitName];
  if (!weakMap.has(stream)) {
    weakMap.set(stream, []);
  }
  const promises = weakMap.get(stream);
  const promise = createDeferred();
  promises.push(promise);
  const resolve10 = promise.resolve.bind(promise);
  return { resolve: resolve10, promises };
};
var waitForConcurrentStreams = async ({ resolve: resolve10, promises }, subprocess) => {
  resolve10();
  const [isSubprocessExit] = await Promise.race([
    Promise.allSettled([true, subprocess]),
    Promise.all([false, ...promises])
  ]);
  return !isSubprocessExit;
};

// node_modules/execa/lib/io/iterate.js
import { on as on5 } from "node:events";
import { getDefaultHighWaterMark as getDefaultHighWaterMark3 } from "node:stream";
var iterateOnSubprocessStream = ({ subprocessStdout, subprocess, binary, shouldEncode, encoding, preserveNewlines }) => {
  const controller = new AbortController();
  stopReadingOnExit(subprocess, controller);
  return iterateOnStream({
    stream: subprocessStdout,
    controller,
    binary,
    shouldEncode: !subprocessStdout.readableObjectMode && shouldEncode,
    encoding,
    shouldSplit: !subprocessStdout.readableObjectMode,
    preserveNewlines
  });
};
var stopReadingOnExit = async (subprocess, controller) => {
  try {
    await subprocess;
  } catch {
  } finally {
    controller.abort();
  }
};
var iterateForResult = ({ stream, onStreamEnd, lines, encoding, stripFinalNewline: stripFinalNewline2, allMixed }) => {
  const controller = new AbortController();
  stopReadingOnStreamEnd(onStreamEnd, controller, stream);
  const objectMode = stream.readableObjectMode && !allMixed;
  return iterateOnStream({
    stream,
    controller,
    binary: encoding === "buffer",
    shouldEncode: !objectMode,
    encoding,
    shouldSplit: !objectMode && lines,
    preserveNewlines: !stripFinalNewline2
  });
};
var stopReadingOnStreamEnd = async (onStreamEnd, controller, stream) => {
  try {
    await onStreamEnd;
  } catch {
    stream.destroy();
  } finally {
    controller.abort();
  }
};
var iterateOnStream = ({ stream, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => {
  const onStdoutChunk = on5(stream, "data", {
    signal: controller.signal,
    highWaterMark: HIGH_WATER_MARK,
    // Backward compatibility with older name for this option
    // See https://github.com/nodejs/node/pull/52080#discussion_r1525227861
    // @todo Remove after removing support for Node 21
    highWatermark: HIGH_WATER_MARK
  });
  return iterateOnData({
    onStdoutChunk,
    controller,
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
};
var DEFAULT_OBJECT_HIGH_WATER_MARK = getDefaultHighWaterMark3(true);
var HIGH_WATER_MARK = DEFAULT_OBJECT_HIGH_WATER_MARK;
var iterateOnData = async function* ({ onStdoutChunk, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) {
  const generators = getGenerators({
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
  try {
    for await (const [chunk] of onStdoutChunk) {
      yield* transformChunkSync(chunk, generators, 0);
    }
  } catch (error) {
    if (!controller.signal.aborted) {
      throw error;
    }
  } finally {
    yield* finalChunksSync(generators);
  }
};
var getGenerators = ({ binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => [
  getEncodingTransformGenerator(binary, encoding, !shouldEncode),
  getSplitLinesGenerator(binary, preserveNewlines, !shouldSplit, {})
].filter(Boolean);

// node_modules/execa/lib/convert/iterable.js
var createIterable = (subprocess, encoding, options) => {
  const { from, binary: binaryOption = false, preserveNewlines = false } = copyOptions(options);
  checkBooleanOption(binaryOption, "binary");
  checkBooleanOption(preserveNewlines, "preserveNewlines");
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: true,
    encoding,
    preserveNewlines
  });
  return iterateOnStdoutData(onStdoutData, subprocessStdout, subprocess);
};
var iterateOnStdoutData = async function* (onStdoutData, subprocessStdout, subprocess) {
  try {
    yield* onStdoutData;
  } finally {
    if (subprocessStdout.readable) {
      subprocessStdout.destroy();
    }
    await subprocess;
  }
};

// node_modules/execa/lib/convert/readable.js
import { Readable as Readable3 } from "node:stream";
import { callbackify as callbackify3 } from "node:util";

// node_modules/execa/lib/convert/shared.js
import { finished as finished5 } from "node:stream/promises";

// node_modules/execa/lib/resolve/wait-stream.js
import { finished as finished4 } from "node:stream/promises";
var waitForStream = async (stream, fdNumber, streamInfo, {
  isSameDirection,
  stopOnExit = false,
  readable = true,
  writable = true
} = {}) => {
  const state = handleStdinDestroy(stream, streamInfo);
  const abortController = new AbortController();
  try {
    await Promise.race([
      ...stopOnExit ? [streamInfo.exitPromise] : [],
      finished4(stream, {
        cleanup: true,
        signal: abortController.signal,
        readable,
        writable
      })
    ]);
  } catch (error) {
    if (!state.stdinCleanedUp && !isInputTransformAbort(stream, fdNumber, streamInfo, error)) {
      handleStreamError(error, fdNumber, streamInfo, isSameDirection);
    }
  } finally {
    abortController.abort();
  }
};
var handleStdinDestroy = (stream, { originalStreams, subprocess }) => {
  const [originalStdin] = originalStreams;
  const state = { stdinCleanedUp: false };
  if (stream === originalStdin || stream === subprocess.stdin) {
    spyOnStdinDestroy(stream, subprocess, state);
  }
  return state;
};
var spyOnStdinDestroy = (subprocessStdin, subprocess, state) => {
  const { _destroy } = subprocessStdin;
  subprocessStdin._destroy = (...destroyArguments) => {
    setStdinCleanedUp(subprocess, state);
    _destroy.call(subprocessStdin, ...destroyArguments);
  };
};
var setStdinCleanedUp = ({ exitCode, signalCode }, state) => {
  if (exitCode !== null || signalCode !== null) {
    state.stdinCleanedUp = true;
  }
};
var isInputTransformAbort = (stream, fdNumber, streamInfo, error) => {
  const originalStream = streamInfo.originalStreams[fdNumber];
  return stream !== originalStream && isInputFileDescriptor(streamInfo, fdNumber) && originalStream?.destroyed === true && (isStreamAbort(error) || error?.code === "ABORT_ERR");
};
var handleStreamError = (error, fdNumber, streamInfo, isSameDirection) => {
  if (!shouldIgnoreStreamError(error, fdNumber, streamInfo, isSameDirection)) {
    throw error;
  }
};
var shouldIgnoreStreamError = (error, fdNumber, streamInfo, isSameDirection = true) => {
  if (streamInfo.propagating) {
    return isStreamEpipe(error) || isStreamAbort(error);
  }
  streamInfo.propagating = true;
  return isInputFileDescriptor(streamInfo, fdNumber) === isSameDirection ? isStreamEpipe(error) : isStreamAbort(error);
};
var isInputFileDescriptor = ({ fileDescriptors }, fdNumber) => fdNumber !== "all" && fileDescriptors[fdNumber].direction === "input";
var isStreamAbort = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var isStreamEpipe = (error) => error?.code === "EPIPE";

// node_modules/execa/lib/convert/shared.js
var safeWaitForSubprocessStdin = async (subprocessStdin) => {
  if (subprocessStdin === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdin(subprocessStdin);
  } catch {
  }
};
var safeWaitForSubprocessStdout = async (subprocessStdout) => {
  if (subprocessStdout === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdout(subprocessStdout);
  } catch {
  }
};
var waitForSubprocessStdin = async (subprocessStdin) => {
  await finished5(subprocessStdin, { cleanup: true, readable: false, writable: true });
};
var waitForSubprocessStdout = async (subprocessStdout) => {
  await finished5(subprocessStdout, { cleanup: true, readable: true, writable: false });
};
var throwDestroyError = (error) => {
  if (error) {
    throw error;
  }
};
var destroyOtherStream = (stream, isOpen, error) => {
  if (error && !isStreamAbort(error)) {
    stream.destroy(error);
  } else if (isOpen) {
    stream.destroy();
  }
};

// node_modules/execa/lib/convert/readable.js
var createReadable = ({ subprocess, concurrentStreams, encoding }, options) => {
  const { from, binary: binaryOption = true, preserveNewlines = true } = copyOptions(options);
  checkBooleanOption(binaryOption, "binary");
  checkBooleanOption(preserveNewlines, "preserveNewlines");
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const waitReadableDestroy = addConcurrentStream(concurrentStreams, subprocessStdout, "readableDestroy");
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const readable = new Readable3({
    read,
    destroy: callbackify3(onReadableDestroy.bind(void 0, { subprocessStdout, subprocess, waitReadableDestroy })),
    highWaterMark: readableHighWaterMark,
    objectMode: readableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable,
    subprocess
  });
  return readable;
};
var getReadableOptions = ({ readableEncoding, readableObjectMode, readableHighWaterMark }, binary) => binary ? { readableEncoding, readableObjectMode, readableHighWaterMark } : { readableEncoding, readableObjectMode: true, readableHighWaterMark: DEFAULT_OBJECT_HIGH_WATER_MARK };
var getReadableMethods = ({ subprocessStdout, subprocess, binary, encoding, preserveNewlines }) => {
  const onStdoutDataDone = createDeferred();
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: !binary,
    encoding,
    preserveNewlines
  });
  return {
    read() {
      onRead(this, onStdoutData, onStdoutDataDone);
    },
    onStdoutDataDone
  };
};
var onRead = async (readable, onStdoutData, onStdoutDataDone) => {
  try {
    const { value, done } = await onStdoutData.next();
    if (done) {
      onStdoutDataDone.resolve();
    } else {
      readable.push(value);
    }
  } catch {
  }
};
var onStdoutFinished = async ({ subprocessStdout, onStdoutDataDone, readable, subprocess, subprocessStdin }) => {
  try {
    await waitForSubprocessStdout(subprocessStdout);
    await subprocess;
    await safeWaitForSubprocessStdin(subprocessStdin);
    await onStdoutDataDone;
    if (readable.readable) {
      readable.push(null);
    }
  } catch (error) {
    await safeWaitForSubprocessStdin(subprocessStdin);
    destroyOtherReadable(readable, await getPrematureCloseError(subprocess, error));
  }
};
var getPrematureCloseError = async (subprocess, error) => {
  if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") {
    return error;
  }
  try {
    await subprocess;
  } catch (subprocessError) {
    return subprocessError;
  }
  return error;
};
var onReadableDestroy = async ({ subprocessStdout, subprocess, waitReadableDestroy }, error) => {
  if (await waitForConcurrentStreams(waitReadableDestroy, subprocess)) {
    destroyOtherReadable(subprocessStdout, error?.code === "ABORT_ERR" ? void 0 : error);
    await subprocess;
  }
  throwDestroyError(error);
};
var destroyOtherReadable = (stream, error) => {
  destroyOtherStream(stream, stream.readable, error);
};

// node_modules/execa/lib/convert/web.js
import { Readable as Readable4, Writable as Writable3, Duplex as Duplex3 } from "node:stream";
var createReadableStream = (subprocess, readableOptions) => Readable4.toWeb(subprocess.readable(readableOptions));
var createWritableStream = (subprocess, writableOptions) => Writable3.toWeb(subprocess.writable(writableOptions));
var createTransformStream = (subprocess, duplexOptions) => Duplex3.toWeb(subprocess.duplex(duplexOptions));

// node_modules/execa/lib/pipe/pipe-arguments.js
var normalizePipeArguments = ({ source, sourcePromise, boundOptions, createNested }, ...pipeArguments) => {
  const startTime = getStartTime();
  const {
    destination,
    destinationStream,
    destinationError,
    from,
    unpipeSignal
  } = getDestinationStream(boundOptions, createNested, pipeArguments);
  const { sourceStream, sourceError } = getSourceStream(source, from);
  const { options: sourceOptions, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  return {
    source,
    sourcePromise,
    sourceStream,
    sourceOptions,
    sourceError,
    destination,
    destinationStream,
    destinationError,
    unpipeSignal,
    fileDescriptors,
    startTime
  };
};
var getDestinationStream = (boundOptions, createNested, pipeArguments) => {
  let destinationInfo;
  try {
    destinationInfo = getDestination(boundOptions, createNested, ...pipeArguments);
  } catch (error) {
    return { destinationError: error };
  }
  const { destination, pipeOptions } = destinationInfo;
  try {
    const { from, to, unpipeSignal } = copyOptions(pipeOptions);
    validateAbortSignal(unpipeSignal, "unpipeSignal");
    const destinationStream = getToStream(destination, to);
    return {
      destination,
      destinationStream,
      from,
      unpipeSignal
    };
  } catch (error) {
    abortDestination(destination, pipeArguments[0]);
    return { destinationError: error };
  }
};
var abortDestination = (destination, firstArgument) => {
  if (destination !== firstArgument) {
    destination.kill();
  }
  destination.catch(() => {
  });
};
var getDestination = (boundOptions, createNested, firstArgument, ...pipeArguments) => {
  if (Array.isArray(firstArgument)) {
    const destination = createNested(mapDestinationArguments, boundOptions)(firstArgument, ...pipeArguments);
    return { destination, pipeOptions: boundOptions };
  }
  if (typeof firstArgument === "string" || firstArgument instanceof URL || isDenoExecPath(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError('Please use .pipe("file", ..., options) or .pipe(execa("file", ..., options)) instead of .pipe(options)("file", ...).');
    }
    const [rawFile, rawArguments, rawOptions] = normalizeParameters(firstArgument, ...pipeArguments);
    const destination = createNested(mapDestinationArguments)(rawFile, rawArguments, rawOptions);
    return { destination, pipeOptions: rawOptions };
  }
  if (SUBPROCESS_OPTIONS.has(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError("Please use .pipe(options)`command` or .pipe($(options)`command`) instead of .pipe(options)($`command`).");
    }
    return { destination: firstArgument, pipeOptions: pipeArguments[0] };
  }
  throw new TypeError(`The first argument must be a template string, an options object, or an Execa subprocess: ${firstArgument}`);
};
var mapDestinationArguments = ({ options }) => ({
  options: {
    __proto__: null,
    ...options,
    // Piping writes to the destination's `stdin`, which is forced even if the user set another value.
    // However, `stdin` cannot be combined with `stdio`, which is needed for `to: 'fd3'` and higher.
    ...options.stdio === void 0 && { stdin: "pipe" },
    piped: true
  }
});
var getSourceStream = (source, from) => {
  try {
    const sourceStream = getFromStream(source, from);
    return { sourceStream };
  } catch (error) {
    return { sourceError: error };
  }
};

// node_modules/execa/lib/pipe/throw.js
var handlePipeArgumentsError = ({
  sourceStream,
  sourceError,
  destinationStream,
  destinationError,
  fileDescriptors,
  sourceOptions,
  startTime
}) => {
  const error = getPipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError
  });
  if (error !== void 0) {
    throw createNonCommandError({
      error,
      fileDescriptors,
      sourceOptions,
      startTime
    });
  }
};
var getPipeArgumentsError = ({ sourceStream, sourceError, destinationStream, destinationError }) => {
  if (sourceError !== void 0 && destinationError !== void 0) {
    return destinationError;
  }
  if (destinationError !== void 0) {
    abortSourceStream(sourceStream);
    return destinationError;
  }
  if (sourceError === void 0) {
    return;
  }
  endDestinationStream(destinationStream);
  return sourceError;
};
var createNonCommandError = ({ error, fileDescriptors, sourceOptions, startTime }) => makeEarlyError({
  error,
  command: PIPE_COMMAND_MESSAGE,
  escapedCommand: PIPE_COMMAND_MESSAGE,
  fileDescriptors,
  options: sourceOptions,
  startTime,
  isSync: false
});
var PIPE_COMMAND_MESSAGE = "source.pipe(destination)";

// node_modules/execa/lib/pipe/sequence.js
var waitForBothSubprocesses = async (subprocessPromises) => {
  const [
    { status: sourceStatus, reason: sourceReason, value: sourceResult = sourceReason },
    { status: destinationStatus, reason: destinationReason, value: destinationResult = destinationReason },
    { reason: pipedFromReason, value: pipedFromResult = pipedFromReason }
  ] = await subprocessPromises;
  if (!destinationResult.pipedFrom.includes(pipedFromResult)) {
    destinationResult.pipedFrom.push(pipedFromResult);
  }
  if (destinationStatus === "rejected") {
    throw destinationResult;
  }
  if (sourceStatus === "rejected") {
    throw sourceResult;
  }
  return destinationResult;
};

// node_modules/execa/lib/pipe/streaming.js
import { finished as finished6 } from "node:stream/promises";
var pipeSubprocessStream = (sourceStream, destinationStream, maxListenersController) => {
  const mergedStream = MERGED_STREAMS.has(destinationStream) ? pipeMoreSubprocessStream(sourceStream, destinationStream) : pipeFirstSubprocessStream(sourceStream, destinationStream);
  incrementMaxListeners(sourceStream, SOURCE_LISTENERS_PER_PIPE, maxListenersController.signal);
  incrementMaxListeners(destinationStream, DESTINATION_LISTENERS_PER_PIPE, maxListenersController.signal);
  cleanupMergedStreamsMap(destinationStream);
  return mergedStream;
};
var pipeFirstSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = mergeStreams([sourceStream]);
  addMergeSource(mergedStream, sourceStream);
  pipeStreams(mergedStream, destinationStream, () => unpipeSourcesOnDestinationEnd(mergedStream));
  MERGED_STREAMS.set(destinationStream, mergedStream);
  return mergedStream;
};
var pipeMoreSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = MERGED_STREAMS.get(destinationStream);
  mergedStream.add(sourceStream);
  addMergeSource(mergedStream, sourceStream);
  return mergedStream;
};
var MERGE_SOURCES = /* @__PURE__ */ new WeakMap();
var SOURCE_MERGES = /* @__PURE__ */ new WeakMap();
var addMergeSource = (mergedStream, sourceStream) => {
  addToSetMap(MERGE_SOURCES, mergedStream, sourceStream);
  addToSetMap(SOURCE_MERGES, sourceStream, mergedStream);
};
var addToSetMap = (map, key, value) => {
  if (!map.has(key)) {
    map.set(key, /* @__PURE__ */ new Set());
  }
  map.get(key).add(value);
};
var unpipeSubprocessStream = async (mergedStream, sourceStream) => {
  MERGE_SOURCES.get(mergedStream)?.delete(sourceStream);
  SOURCE_MERGES.get(sourceStream)?.delete(mergedStream);
  await mergedStream.remove(sourceStream);
};
var unpipeSourcesOnDestinationEnd = async (mergedStream) => {
  for (const sourceStream of MERGE_SOURCES.get(mergedStream)) {
    const mergedStreams = SOURCE_MERGES.get(sourceStream);
    mergedStreams.delete(mergedStream);
    if (mergedStreams.size > 0) {
      await mergedStream.remove(sourceStream);
    }
  }
};
var cleanupMergedStreamsMap = async (destinationStream) => {
  try {
    await finished6(destinationStream, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  MERGED_STREAMS.delete(destinationStream);
};
var MERGED_STREAMS = /* @__PURE__ */ new WeakMap();
var SOURCE_LISTENERS_PER_PIPE = 2;
var DESTINATION_LISTENERS_PER_PIPE = 1;

// node_modules/execa/lib/pipe/abort.js
import { aborted } from "node:util";
var unpipeOnAbort = (unpipeSignal, unpipeContext) => unpipeSignal === void 0 ? [] : [unpipeOnSignalAbort(unpipeSignal, unpipeContext)];
var unpipeOnSignalAbort = async (unpipeSignal, { sourceStream, mergedStream, fileDescriptors, sourceOptions, startTime }) => {
  await aborted(unpipeSignal, sourceStream);
  await unpipeSubprocessStream(mergedStream, sourceStream);
  const error = new Error("Pipe canceled by `unpipeSignal` option.");
  throw createNonCommandError({
    error,
    fileDescriptors,
    sourceOptions,
    startTime
  });
};

// node_modules/execa/lib/pipe/setup.js
var pipeToSubprocess = (sourceInfo, ...pipeArguments) => {
  if (isPlainObject(pipeArguments[0])) {
    return pipeToSubprocess.bind(void 0, {
      ...sourceInfo,
      boundOptions: { ...sourceInfo.boundOptions, ...pipeArguments[0] }
    });
  }
  if (sourceInfo.source === void 0) {
    return sourceInfo.sourcePromise;
  }
  const { destination, ...normalizedInfo } = normalizePipeArguments(sourceInfo, ...pipeArguments);
  const pipeFailureController = new AbortController();
  const promise = handlePipePromise({ ...normalizedInfo, destination, pipeFailureController });
  promise.pipe = pipeToSubprocess.bind(void 0, {
    ...sourceInfo,
    source: destination,
    sourcePromise: promise,
    boundOptions: {}
  });
  forwardDestinationMethods(promise, destination, pipeFailureController.signal);
  return promise;
};
var forwardDestinationMethods = (promise, destination, pipeFailureSignal) => {
  if (destination === void 0) {
    return;
  }
  forwardReadableMethods(promise, destination);
  forwardIpcMethods(promise, destination, pipeFailureSignal);
};
var forwardReadableMethods = (promise, destination) => {
  const subprocessOptions = SUBPROCESS_OPTIONS.get(destination);
  SUBPROCESS_OPTIONS.set(promise, subprocessOptions);
  promise.stdio = destination.stdio;
  promise.all = destination.all;
  const { options: { encoding } } = subprocessOptions;
  const concurrentStreams = initializeConcurrentStreams();
  promise[Symbol.asyncIterator] = createIterable.bind(void 0, promise, encoding, {});
  promise.iterable = createIterable.bind(void 0, promise, encoding);
  promise.readable = createPipeReadable.bind(void 0, promise, {
    subprocess: promise,
    concurrentStreams,
    encoding
  });
  promise.readableStream = createReadableStream.bind(void 0, promise);
  forwardAll(promise, destination);
};
var forwardAll = (promise, destination) => {
  if (destination.all === void 0) {
    promise.all = void 0;
    return;
  }
  Object.defineProperty(promise, "all", {
    get() {
      setAllProperty(promise, destination.all);
      const all = promise.readable({ from: "all" });
      all.on("error", () => {
      });
      setAllProperty(promise, all);
      return all;
    },
    enumerable: true,
    configurable: true
  });
};
var setAllProperty = (promise, value) => {
  Object.defineProperty(promise, "all", {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
};
var createPipeReadable = (promise, readableOptions, ...arguments_) => {
  const readable = createReadable(readableOptions, ...arguments_);
  destroyOnPipeFailure(promise, readable);
  return readable;
};
var destroyOnPipeFailure = async (promise, readable) => {
  try {
    await promise;
  } catch (error) {
    readable.destroy(error);
  }
};
var forwardIpcMethods = (promise, destination, pipeFailureSignal) => {
  promise.sendMessage = destination.sendMessage;
  promise.getOneMessage = getOnePipeMessage.bind(void 0, destination, pipeFailureSignal);
  promise.getEachMessage = getEachPipeMessage.bind(void 0, promise, destination, pipeFailureSignal);
};
var getOnePipeMessage = (destination, pipeFailureSignal, ...arguments_) => {
  const controller = new AbortController();
  const messagePromise = destination.getOneMessage(...addPipeOptions(arguments_, controller.signal, internalGetOneMessageOptions));
  return waitForOnePipeMessage(pipeFailureSignal, messagePromise, controller);
};
var waitForOnePipeMessage = async (pipeFailureSignal, messagePromise, controller) => {
  try {
    return await Promise.race([messagePromise, getSignalRejection(pipeFailureSignal, controller.signal)]);
  } finally {
    controller.abort();
  }
};
var getSignalRejection = (signal, listenerSignal) => new Promise((_, reject) => {
  if (signal.aborted) {
    reject(signal.reason);
    return;
  }
  signal.addEventListener("abort", () => {
    reject(signal.reason);
  }, { once: true, signal: listenerSignal });
});
var getEachPipeMessage = (promise, destination, pipeFailureSignal, ...arguments_) => {
  const controller = new AbortController();
  const iterator = destination.getEachMessage(...addPipeOptions(arguments_, controller.signal, internalGetEachMessageOptions));
  abortOnSignal(pipeFailureSignal, controller);
  return iterateOnPipeMessages(promise, iterator, controller);
};
var iterateOnPipeMessages = async function* (promise, iterator, controller) {
  try {
    yield* iterator;
  } finally {
    controller.abort();
    await promise;
  }
};
var addPipeOptions = (arguments_, signal, internalOptionsSymbol) => {
  if (arguments_[0] === null) {
    return arguments_;
  }
  const [options] = arguments_;
  return [{ ...options, [internalOptionsSymbol]: { signal, shouldAwait: false } }];
};
var abortOnSignal = (signal, controller) => {
  if (signal.aborted) {
    controller.abort();
    return;
  }
  signal.addEventListener("abort", () => {
    controller.abort();
  }, { once: true, signal: controller.signal });
};
var handlePipePromise = async ({
  source,
  sourcePromise,
  sourceStream,
  sourceOptions,
  sourceError,
  destination,
  destinationStream,
  destinationError,
  unpipeSignal,
  fileDescriptors,
  startTime,
  pipeFailureController
}) => {
  const maxListenersController = new AbortController();
  try {
    const subprocessPromises = getSubprocessPromises(sourcePromise, destination, source);
    handlePipeArgumentsError({
      sourceStream,
      sourceError,
      destinationStream,
      destinationError,
      fileDescriptors,
      sourceOptions,
      startTime
    });
    const mergedStream = pipeSubprocessStream(sourceStream, destinationStream, maxListenersController);
    return await Promise.race([
      waitForBothSubprocesses(subprocessPromises),
      ...unpipeOnAbort(unpipeSignal, {
        sourceStream,
        mergedStream,
        sourceOptions,
        fileDescriptors,
        startTime
      })
    ]);
  } catch (error) {
    pipeFailureController.abort(error);
    throw error;
  } finally {
    maxListenersController.abort();
  }
};
var getSubprocessPromises = (sourcePromise, destination, source) => Promise.allSettled([sourcePromise, destination, source]);

// node_modules/execa/lib/io/contents.js
import { setImmediate } from "node:timers/promises";
var getStreamOutput = async ({ stream, onStreamEnd, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, allFds, verboseInfo, streamInfo }) => {
  const logPromise = logOutputAsync({
    stream,
    onStreamEnd,
    fdNumber,
    encoding,
    allMixed,
    verboseInfo,
    streamInfo
  });
  if (!buffer) {
    await Promise.all([resumeStream(stream), logPromise]);
    return;
  }
  const stripFinalNewlineValue = getStripFinalNewline(stripFinalNewline2, fdNumber, allFds);
  const iterable = iterateForResult({
    stream,
    onStreamEnd,
    lines,
    encoding,
    stripFinalNewline: stripFinalNewlineValue,
    allMixed
  });
  const [output] = await Promise.all([
    getStreamContents2({
      stream,
      iterable,
      fdNumber,
      encoding,
      maxBuffer,
      lines
    }),
    logPromise
  ]);
  return output;
};
var logOutputAsync = async ({ stream, onStreamEnd, fdNumber, encoding, allMixed, verboseInfo, streamInfo: { fileDescriptors } }) => {
  if (!shouldLogOutput({
    stdioItems: fileDescriptors[fdNumber]?.stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesIterable = iterateForResult({
    stream,
    onStreamEnd,
    lines: true,
    encoding,
    stripFinalNewline: true,
    allMixed
  });
  await logLines(linesIterable, stream, fdNumber, verboseInfo);
};
var resumeStream = async (stream) => {
  await setImmediate();
  if (stream.readableFlowing === null) {
    stream.resume();
  }
};
var getStreamContents2 = async ({ stream, stream: { readableObjectMode }, iterable, fdNumber, encoding, maxBuffer, lines }) => {
  try {
    if (readableObjectMode || lines) {
      return await getStreamAsArray(iterable, { maxBuffer });
    }
    return encoding === "buffer" ? new Uint8Array(await getStreamAsArrayBuffer(iterable, { maxBuffer })) : await getStreamAsString(iterable, { maxBuffer });
  } catch (error) {
    return handleBufferedData(handleMaxBuffer({
      error,
      stream,
      readableObjectMode,
      lines,
      encoding,
      fdNumber
    }));
  }
};
var getBufferedData = async (streamPromise) => {
  try {
    return await streamPromise;
  } catch (error) {
    return handleBufferedData(error);
  }
};
var handleBufferedData = (error) => isArrayBuffer(error?.bufferedData) ? new Uint8Array(error.bufferedData) : error?.bufferedData;

// node_modules/execa/lib/resolve/stdio.js
var waitForStdioStreams = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => subprocess.stdio.map((stream, fdNumber) => waitForSubprocessStream({
  stream,
  fdNumber,
  encoding,
  buffer: buffer[fdNumber],
  maxBuffer: maxBuffer[fdNumber],
  lines: lines[fdNumber],
  allMixed: false,
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
}));
var waitForSubprocessStream = async ({ stream, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, allFds, verboseInfo, streamInfo }) => {
  if (!stream) {
    return;
  }
  const onStreamEnd = waitForStream(stream, fdNumber, streamInfo);
  if (isInputFileDescriptor(streamInfo, fdNumber)) {
    await onStreamEnd;
    return;
  }
  const [output] = await Promise.all([
    getStreamOutput({
      stream,
      onStreamEnd,
      fdNumber,
      encoding,
      buffer,
      maxBuffer,
      lines,
      allMixed,
      stripFinalNewline: stripFinalNewline2,
      allFds,
      verboseInfo,
      streamInfo
    }),
    onStreamEnd
  ]);
  return output;
};

// node_modules/execa/lib/resolve/all-async.js
var makeAllStream = ({ stdout, stderr }, { all }) => {
  if (!all) {
    return;
  }
  const fileDescriptors = [[stdout, 1], [stderr, 2]].filter(([stream]) => stream);
  return fileDescriptors.length === 0 ? void 0 : setAllStream(mergeStreams(fileDescriptors.map(([stream]) => stream)));
};
var getAllFds = ({ stdout, stderr }, [, bufferStdout, bufferStderr]) => [
  ...stdout !== null && bufferStdout ? [1] : [],
  ...stderr !== null && bufferStderr ? [2] : []
];
var waitForAllStream = ({ subprocess, all, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  const { stream, buffer: bufferAll, drainedStream } = getAllStream(subprocess, all, buffer);
  return Promise.all([
    waitForSubprocessStream({
      stream,
      buffer: bufferAll,
      fdNumber: "all",
      encoding,
      maxBuffer: maxBuffer[1] + maxBuffer[2],
      lines: lines[1] || lines[2],
      allFds: getAllFds(subprocess, buffer),
      // A single buffered descriptor keeps its own object mode, even when the merged stream has mixed modes.
      allMixed: stream === all && getAllMixed(subprocess, all),
      stripFinalNewline: stripFinalNewline2,
      verboseInfo,
      streamInfo
    }),
    // When only one of the two file descriptors is buffered, its stream is read instead of the merged one.
    // The merged one is then drained, otherwise it would apply backpressure on that file descriptor and hang the subprocess.
    drainedStream === void 0 ? void 0 : resumeStream(drainedStream)
  ]).then(([output]) => output);
};
var getAllStream = ({ stdout, stderr }, all, [, bufferStdout, bufferStderr]) => {
  const buffer = bufferStdout || bufferStderr;
  if (!buffer) {
    return { stream: all, buffer };
  }
  if (!all) {
    return { stream: void 0, buffer };
  }
  if (!bufferStdout) {
    return { stream: stderr, buffer, drainedStream: all };
  }
  return bufferStderr ? { stream: all, buffer } : { stream: stdout, buffer, drainedStream: all };
};
var getAllMixed = ({ stdout, stderr }, all) => all && stdout && stderr && stdout.readableObjectMode !== stderr.readableObjectMode;

// node_modules/execa/lib/resolve/wait-subprocess.js
import { once as once8 } from "node:events";

// node_modules/execa/lib/verbose/ipc.js
var shouldLogIpc = (verboseInfo) => isFullVerbose(verboseInfo, "ipc");
var logIpcOutput = (message, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(message);
  verboseLog({
    type: "ipc",
    verboseMessage,
    fdNumber: "ipc",
    verboseInfo
  });
};

// node_modules/execa/lib/ipc/buffer-messages.js
var waitForIpcOutput = async ({
  subprocess,
  buffer: bufferArray,
  maxBuffer: maxBufferArray,
  ipc,
  ipcOutput,
  verboseInfo
}) => {
  if (!ipc) {
    return ipcOutput;
  }
  const isVerbose2 = shouldLogIpc(verboseInfo);
  const buffer = getFdSpecificValue(bufferArray, "ipc");
  const maxBuffer = getFdSpecificValue(maxBufferArray, "ipc");
  const logErrors = [];
  for await (const message of loopOnMessages({
    anyProcess: subprocess,
    channel: subprocess.channel,
    isSubprocess: false,
    ipc,
    shouldAwait: false,
    reference: true
  })) {
    if (buffer) {
      checkIpcMaxBuffer(ipcOutput, maxBuffer);
      ipcOutput.push(message);
    }
    if (isVerbose2) {
      try {
        logIpcOutput(message, verboseInfo);
      } catch (error) {
        logErrors.push(error);
      }
    }
  }
  if (logErrors.length > 0) {
    throw logErrors[0];
  }
  return ipcOutput;
};
var getBufferedIpcOutput = async (ipcOutputPromise, ipcOutput) => {
  await Promise.allSettled([ipcOutputPromise]);
  return ipcOutput;
};

// node_modules/execa/lib/resolve/wait-subprocess.js
var waitForSubprocessResult = async ({
  subprocess,
  kill,
  all,
  options: {
    encoding,
    buffer,
    maxBuffer,
    lines,
    timeoutDuration: timeout,
    cancelSignal,
    gracefulCancel,
    forceKillAfterDelay,
    stripFinalNewline: stripFinalNewline2,
    ipc,
    ipcInput
  },
  context,
  verboseInfo,
  fileDescriptors,
  originalStreams,
  onInternalError,
  controller
}) => {
  const exitPromise = waitForExit(subprocess, context);
  const streamInfo = {
    originalStreams,
    fileDescriptors,
    subprocess,
    exitPromise,
    propagating: false
  };
  const stdioPromises = waitForStdioStreams({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const allPromise = waitForAllStream({
    subprocess,
    all,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const ipcOutput = [];
  const ipcOutputPromise = waitForIpcOutput({
    subprocess,
    buffer,
    maxBuffer,
    ipc,
    ipcOutput,
    verboseInfo
  });
  const originalPromises = waitForOriginalStreams(originalStreams, subprocess, streamInfo);
  const customStreamsEndPromises = waitForCustomStreamsEnd(fileDescriptors, streamInfo);
  try {
    return await Promise.race([
      Promise.all([
        {},
        waitForSuccessfulExit(exitPromise),
        Promise.all(stdioPromises),
        allPromise,
        ipcOutputPromise,
        sendIpcInput(subprocess, ipcInput, ipc),
        ...originalPromises,
        ...customStreamsEndPromises
      ]),
      onInternalError,
      throwOnSubprocessError(subprocess, controller),
      ...throwOnTimeout(kill, timeout, context, controller),
      ...throwOnCancel({
        kill,
        cancelSignal,
        gracefulCancel,
        context,
        controller
      }),
      ...throwOnGracefulCancel({
        subprocess,
        kill,
        cancelSignal,
        gracefulCancel,
        forceKillAfterDelay,
        context,
        controller
      })
    ]);
  } catch (error) {
    context.terminationReason ??= "other";
    if (error instanceof MaxBufferError) {
      kill();
    }
    return Promise.all([
      { error },
      exitPromise,
      Promise.all(stdioPromises.map((stdioPromise) => getBufferedData(stdioPromise))),
      getBufferedData(allPromise),
      getBufferedIpcOutput(ipcOutputPromise, ipcOutput),
      Promise.allSettled(originalPromises),
      Promise.allSettled(customStreamsEndPromises)
    ]);
  }
};
var waitForOriginalStreams = (originalStreams, subprocess, streamInfo) => originalStreams.map((stream, fdNumber) => stream === subprocess.stdio[fdNumber] ? void 0 : waitForStream(stream, fdNumber, streamInfo));
var waitForCustomStreamsEnd = (fileDescriptors, streamInfo) => fileDescriptors.flatMap(({ stdioItems, direction }, fdNumber) => stdioItems.filter(({ value, stream = value }) => isStream2(stream, { checkOpen: false }) && !isStandardStream(stream)).map(({ type, value, stream = value }) => waitForStream(stream, fdNumber, streamInfo, {
  isSameDirection: TRANSFORM_TYPES.has(type),
  stopOnExit: type === "native",
  // Output streams are destinations which are handed back to the user: waiting for their readable side would mean waiting for the user to consume them.
  readable: direction !== "output" || TRANSFORM_TYPES.has(type)
})));
var throwOnSubprocessError = async (subprocess, { signal }) => {
  const [error] = await once8(subprocess, "error", { signal });
  throw error;
};

// node_modules/execa/lib/convert/writable.js
import { Writable as Writable4 } from "node:stream";
import { callbackify as callbackify4 } from "node:util";
var createWritable = ({ subprocess, concurrentStreams }, options) => {
  const { to } = copyOptions(options);
  const subprocessStdin = getToStream(subprocess, to);
  const { waitWritableFinal, waitWritableDestroy } = addWritableConcurrentStreams(concurrentStreams, subprocessStdin);
  const writable = new Writable4({
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify4(onWritableDestroy.bind(void 0, {
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    })),
    highWaterMark: subprocessStdin.writableHighWaterMark,
    objectMode: subprocessStdin.writableObjectMode
  });
  onStdinFinished(subprocessStdin, writable, void 0, subprocess);
  return writable;
};
var addWritableConcurrentStreams = (concurrentStreams, subprocessStdin) => {
  const waitWritableFinal = addConcurrentStream(concurrentStreams, subprocessStdin, "writableFinal");
  const waitWritableDestroy = addConcurrentStream(concurrentStreams, subprocessStdin, "writableDestroy");
  return { waitWritableFinal, waitWritableDestroy };
};
var getWritableMethods = (subprocessStdin, subprocess, waitWritableFinal) => ({
  write: onWrite.bind(void 0, subprocessStdin),
  final: callbackify4(onWritableFinal.bind(void 0, subprocessStdin, subprocess, waitWritableFinal))
});
var onWrite = (subprocessStdin, chunk, encoding, done) => {
  if (subprocessStdin.write(chunk, encoding)) {
    done();
  } else {
    subprocessStdin.once("drain", done);
  }
};
var onWritableFinal = async (subprocessStdin, subprocess, waitWritableFinal) => {
  if (!await waitForConcurrentStreams(waitWritableFinal, subprocess)) {
    return;
  }
  if (subprocessStdin.writable) {
    subprocessStdin.end();
  }
  await subprocess;
};
var onStdinFinished = async (subprocessStdin, writable, subprocessStdout, subprocess) => {
  try {
    await waitForSubprocessStdin(subprocessStdin);
    await subprocess;
    if (writable.writable) {
      writable.end();
    }
  } catch (error) {
    await safeWaitForSubprocessStdout(subprocessStdout);
    destroyOtherStream(writable, !writable.writableFinished, await getSubprocessError(subprocess, error));
  }
};
var getSubprocessError = async (subprocess, error) => {
  if (!shouldUseSubprocessError(error)) {
    return error;
  }
  try {
    await subprocess;
  } catch (subprocessError) {
    return subprocessError;
  }
  return error;
};
var shouldUseSubprocessError = (error) => error === void 0 || isStreamAbort(error) || error.code === "EPIPE";
var onWritableDestroy = async ({ subprocessStdin, subprocess, waitWritableFinal, waitWritableDestroy }, error) => {
  await waitForConcurrentStreams(waitWritableFinal, subprocess);
  if (await waitForConcurrentStreams(waitWritableDestroy, subprocess)) {
    destroyOtherWritable(subprocessStdin, error);
    await subprocess;
  }
  throwDestroyError(error);
};
var destroyOtherWritable = (stream, error) => {
  destroyOtherStream(stream, stream.writable, error);
};

// node_modules/execa/lib/convert/duplex.js
import { Duplex as Duplex4 } from "node:stream";
import { callbackify as callbackify5 } from "node:util";
var createDuplex = ({ subprocess, concurrentStreams, encoding }, options) => {
  const { from, to, binary: binaryOption = true, preserveNewlines = true } = copyOptions(options);
  checkBooleanOption(binaryOption, "binary");
  checkBooleanOption(preserveNewlines, "preserveNewlines");
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const subprocessStdin = getToStream(subprocess, to);
  const waitReadableDestroy = addConcurrentStream(concurrentStreams, subprocessStdout, "readableDestroy");
  const { waitWritableFinal, waitWritableDestroy } = addWritableConcurrentStreams(concurrentStreams, subprocessStdin);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const duplex = new Duplex4({
    read,
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify5(onDuplexDestroy.bind(void 0, {
      subprocessStdout,
      subprocessStdin,
      subprocess,
      waitReadableDestroy,
      waitWritableFinal,
      waitWritableDestroy
    })),
    readableHighWaterMark,
    writableHighWaterMark: subprocessStdin.writableHighWaterMark,
    readableObjectMode,
    writableObjectMode: subprocessStdin.writableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: duplex,
    subprocess,
    subprocessStdin
  });
  onStdinFinished(subprocessStdin, duplex, subprocessStdout, subprocess);
  return duplex;
};
var onDuplexDestroy = async ({ subprocessStdout, subprocessStdin, subprocess, waitReadableDestroy, waitWritableFinal, waitWritableDestroy }, error) => {
  await Promise.all([
    onReadableDestroy({ subprocessStdout, subprocess, waitReadableDestroy }, error),
    onWritableDestroy({
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    }, error)
  ]);
};

// node_modules/execa/lib/convert/add.js
var addConvertedStreams = (subprocess, { encoding }) => {
  const concurrentStreams = initializeConcurrentStreams();
  subprocess.readable = createReadable.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.writable = createWritable.bind(void 0, { subprocess, concurrentStreams });
  subprocess.duplex = createDuplex.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.readableStream = createReadableStream.bind(void 0, subprocess);
  subprocess.writableStream = createWritableStream.bind(void 0, subprocess);
  subprocess.transformStream = createTransformStream.bind(void 0, subprocess);
  subprocess.iterable = createIterable.bind(void 0, subprocess, encoding);
  subprocess[Symbol.asyncIterator] = createIterable.bind(void 0, subprocess, encoding, {});
};

// node_modules/execa/lib/methods/promise.js
var mergePromise = (promise, properties) => Object.assign(promise, properties);

// node_modules/execa/lib/methods/main-async.js
var execaCoreAsync = (rawFile, rawArguments, rawOptions, createNested) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleAsyncArguments(rawFile, rawArguments, rawOptions);
  const { subprocess: nodeChildProcess, promise, kill, all, convertedStreams } = spawnSubprocessAsync({
    file,
    commandArguments,
    options,
    startTime,
    verboseInfo,
    command,
    escapedCommand,
    fileDescriptors
  });
  const subprocess = getSubprocessPromise({
    promise,
    nodeChildProcess,
    kill,
    all,
    convertedStreams,
    options
  });
  subprocess.pipe = pipeToSubprocess.bind(void 0, {
    source: subprocess,
    sourcePromise: promise,
    boundOptions: {},
    createNested
  });
  SUBPROCESS_OPTIONS.set(subprocess, { options, fileDescriptors });
  return subprocess;
};
var handleAsyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const { file, commandArguments, options: normalizedOptions } = normalizeOptions(rawFile, rawArguments, rawOptions);
  const options = handleAsyncOptions(normalizedOptions);
  const fileDescriptors = handleStdioAsync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var handleAsyncOptions = ({ timeout, signal, ...options }) => ({ __proto__: null, ...options, timeoutDuration: timeout });
var spawnSubprocessAsync = ({ file, commandArguments, options, startTime, verboseInfo, command, escapedCommand, fileDescriptors }) => {
  let subprocess;
  try {
    subprocess = spawn(...concatenateShell(file, commandArguments, getSpawnOptions(options)));
  } catch (error) {
    return handleEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      verboseInfo
    });
  }
  if (subprocess.stdio === void 0) {
    return handleEarlyError({
      error: once9(subprocess, "error").then(([error]) => error),
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      verboseInfo
    });
  }
  const controller = new AbortController();
  setMaxListeners(Infinity, controller.signal);
  const originalStreams = [...subprocess.stdio];
  pipeOutputAsync(subprocess, fileDescriptors, controller);
  setIpcSubprocessOptions(subprocess, options);
  const context = {};
  const onInternalError = createDeferred();
  const kill = subprocessKill.bind(void 0, {
    kill: getKillFunction(subprocess, options),
    options,
    onInternalError,
    context,
    controller
  });
  cleanupOnExit(kill, options, controller);
  const all = makeAllStream(subprocess, options);
  const promise = handlePromise({
    subprocess,
    kill,
    all,
    options,
    startTime,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    command,
    escapedCommand,
    context,
    onInternalError,
    controller
  });
  return {
    subprocess,
    promise,
    kill,
    all
  };
};
var getSubprocessPromise = ({ promise, nodeChildProcess, kill, all, convertedStreams, options }) => {
  const subprocess = mergePromise(promise, getSubprocessProperties(nodeChildProcess, all));
  subprocess.kill = kill ?? subprocess.kill;
  if (convertedStreams === void 0) {
    addConvertedStreams(subprocess, options);
  } else {
    Object.assign(subprocess, convertedStreams);
  }
  addIpcMethods(subprocess, nodeChildProcess, options);
  return subprocess;
};
var getSubprocessProperties = (nodeChildProcess, all) => ({
  nodeChildProcess,
  pid: nodeChildProcess.pid,
  stdin: nodeChildProcess.stdin,
  stdout: nodeChildProcess.stdout,
  stderr: nodeChildProcess.stderr,
  stdio: nodeChildProcess.stdio,
  all,
  kill: nodeChildProcess.kill.bind(nodeChildProcess)
});
var handlePromise = async ({ subprocess, kill, all: allStream, options, startTime, verboseInfo, fileDescriptors, originalStreams, command, escapedCommand, context, onInternalError, controller }) => {
  const [
    errorInfo,
    [exitCode, signal],
    stdioResults,
    allResult,
    ipcOutput
  ] = await waitForSubprocessResult({
    subprocess,
    kill,
    all: allStream,
    options,
    context,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    onInternalError,
    controller
  });
  controller.abort();
  onInternalError.resolve();
  const stdio = stdioResults.map((stdioResult, fdNumber) => stripNewline(stdioResult, options, fdNumber));
  const all = stripNewline(allResult, options, "all", getAllFds(subprocess, options.buffer));
  const result = getAsyncResult({
    errorInfo,
    exitCode,
    signal,
    stdio,
    all,
    ipcOutput,
    context,
    options,
    command,
    escapedCommand,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var getAsyncResult = ({ errorInfo, exitCode, signal, stdio, all, ipcOutput, context, options, command, escapedCommand, startTime }) => Object.hasOwn(errorInfo, "error") ? makeError({
  error: errorInfo.error,
  command,
  escapedCommand,
  timedOut: context.terminationReason === "timeout",
  isCanceled: context.terminationReason === "cancel" || context.terminationReason === "gracefulCancel",
  isGracefullyCanceled: context.terminationReason === "gracefulCancel",
  isMaxBuffer: errorInfo.error instanceof MaxBufferError,
  isForcefullyTerminated: context.isForcefullyTerminated,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput,
  options,
  startTime,
  isSync: false
}) : makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options,
  startTime
});

// node_modules/execa/lib/methods/bind.js
var mergeOptions = (boundOptions, options) => {
  const safeBoundOptions = { __proto__: null, ...boundOptions };
  const mergedOptions = Object.fromEntries(Object.entries(options).map(([optionName, optionValue]) => [
    optionName,
    mergeOption(optionName, safeBoundOptions[optionName], optionValue)
  ]));
  return { __proto__: null, ...safeBoundOptions, ...mergedOptions };
};
var mergeOption = (optionName, boundOptionValue, optionValue) => DEEP_OPTIONS.has(optionName) && isPlainObject(boundOptionValue) && isPlainObject(optionValue) ? { ...boundOptionValue, ...optionValue } : optionValue;
var DEEP_OPTIONS = /* @__PURE__ */ new Set(["env", ...FD_SPECIFIC_OPTIONS]);

// node_modules/execa/lib/methods/create.js
var createExeca = (mapArguments, boundOptions, deepOptions, setBoundExeca) => {
  const createNested = (mapArguments2, boundOptions2, setBoundExeca2) => createExeca(mapArguments2, boundOptions2, deepOptions, setBoundExeca2);
  const boundExeca = (...execaArguments) => callBoundExeca({
    mapArguments,
    deepOptions,
    boundOptions,
    setBoundExeca,
    createNested
  }, ...execaArguments);
  if (setBoundExeca !== void 0) {
    setBoundExeca(boundExeca, createNested, boundOptions);
  }
  return boundExeca;
};
var callBoundExeca = ({ mapArguments, deepOptions = {}, boundOptions = {}, setBoundExeca, createNested }, firstArgument, ...nextArguments) => {
  if (isPlainObject(firstArgument)) {
    return createNested(mapArguments, mergeOptions(boundOptions, firstArgument), setBoundExeca);
  }
  const { file, commandArguments, options, isSync } = parseArguments({
    mapArguments,
    firstArgument,
    nextArguments,
    deepOptions,
    boundOptions
  });
  return isSync ? execaCoreSync(file, commandArguments, options) : execaCoreAsync(file, commandArguments, options, createNested);
};
var parseArguments = ({ mapArguments, firstArgument, nextArguments, deepOptions, boundOptions }) => {
  const callArguments = isTemplateString(firstArgument) ? parseTemplates(firstArgument, nextArguments) : [firstArgument, ...nextArguments];
  const [initialFile, initialArguments, initialOptions] = normalizeParameters(...callArguments);
  const mergedOptions = mergeOptions(mergeOptions(deepOptions, boundOptions), initialOptions);
  for (const [optionName, optionValue] of Object.entries(deepOptions)) {
    if (mergedOptions[optionName] === void 0) {
      mergedOptions[optionName] = optionValue;
    }
  }
  const {
    options = mergedOptions,
    isSync = false
  } = { __proto__: null, ...mapArguments({ options: mergedOptions }) };
  return {
    file: initialFile,
    commandArguments: initialArguments,
    options,
    isSync
  };
};

// node_modules/execa/lib/methods/script.js
var setScriptSync = (boundExeca, createNested, boundOptions) => {
  boundExeca.sync = createNested(mapScriptSync, boundOptions);
  boundExeca.s = boundExeca.sync;
};
var mapScriptAsync = ({ options }) => getScriptOptions(options);
var mapScriptSync = ({ options }) => ({ ...getScriptOptions(options), isSync: true });
var getScriptOptions = (options) => ({ options: { __proto__: null, ...options, ...getScriptStdinOption(options) } });
var getScriptStdinOption = ({ stdin = "inherit", input, inputFile, stdio }) => input === void 0 && inputFile === void 0 && stdio === void 0 ? { stdin } : {};
var deepScriptOptions = { preferLocal: true };

// node_modules/execa/index.js
var execa = createExeca(() => ({}));
var execaSync = createExeca(() => ({ isSync: true }));
var execaNode = createExeca(mapNode);
var $ = createExeca(mapScriptAsync, {}, deepScriptOptions, setScriptSync);
var {
  sendMessage: sendMessage2,
  getOneMessage: getOneMessage2,
  getEachMessage: getEachMessage2,
  getCancelSignal: getCancelSignal2
} = getIpcExport();

// src/util/exec.ts
var TAIL_LINES = 20;
var CommandError = class extends Error {
  constructor(commandLine, exitCode, signal, stdout, stderr, tail, logFile) {
    const how = exitCode === null ? `was killed by ${signal ?? "a signal"}` : `failed with exit code ${exitCode}`;
    const lines = [`Command ${how}: ${commandLine}`];
    if (tail.length > 0) lines.push(`--- last ${tail.length} lines of output ---`, ...tail);
    if (logFile) lines.push(`(full log: ${logFile})`);
    super(lines.join("\n"));
    this.commandLine = commandLine;
    this.exitCode = exitCode;
    this.signal = signal;
    this.stdout = stdout;
    this.stderr = stderr;
    this.logFile = logFile;
  }
  commandLine;
  exitCode;
  signal;
  stdout;
  stderr;
  logFile;
  name = "CommandError";
};
var MissingProgramError = class extends Error {
  constructor(program) {
    const pkg = DEBIAN_PACKAGE_OF[program];
    const hint = pkg ? `install the Debian package '${pkg}'` : "install it";
    super(
      `'${program}' was not found on PATH: ${hint} (scripts/provision.sh installs what the Xen build needs)`
    );
    this.program = program;
  }
  program;
  name = "MissingProgramError";
};
var DEBIAN_PACKAGE_OF = {
  "apt-get": "apt",
  "dpkg-source": "dpkg-dev",
  make: "make",
  gcc: "gcc",
  cc: "gcc",
  ld: "binutils",
  objcopy: "binutils",
  nm: "binutils",
  readelf: "binutils",
  python3: "python3",
  flex: "flex",
  bison: "bison",
  ccache: "ccache",
  git: "git",
  autoreconf: "autoconf",
  cp: "coreutils",
  "qemu-system-x86_64": "qemu-system-x86"
};
function formatCommandLine(cmd, args) {
  return [cmd, ...args].map((a2) => /^[\w@%+=:,./-]+$/.test(a2) ? a2 : `'${a2.replaceAll("'", `'\\''`)}'`).join(" ");
}
function startError(program, commandLine, code, message, cwd, cause) {
  if (code === "ENOENT") {
    if (cwd && !existsSync(cwd))
      return new Error(`Cannot run ${commandLine}: directory ${cwd} does not exist`);
    return new MissingProgramError(program);
  }
  return new Error(`Cannot run ${commandLine}: ${message}`, { cause });
}
async function runCommand(cmd, args, opts = {}) {
  const commandLine = formatCommandLine(cmd, args);
  let log;
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    log = createWriteStream2(opts.logFile, { flags: "a" });
    log.write(`$ ${commandLine}${opts.cwd ? `    (in ${opts.cwd})` : ""}
`);
  }
  const tail = [];
  const follow = (stream) => ({
    *transform(chunk) {
      log?.write(chunk);
      const line = chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      opts.onLine?.(line, stream);
      yield chunk;
    },
    preserveNewlines: true
  });
  const result = await execa(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    extendEnv: false,
    ...opts.input === void 0 ? { stdin: "ignore" } : { input: opts.input },
    stdout: [follow("stdout")],
    stderr: [follow("stderr")],
    stripFinalNewline: false,
    maxBuffer: Infinity,
    reject: false
  });
  const started = result.exitCode !== void 0 || result.signal !== void 0;
  if (log) {
    const status = started ? `exit ${result.exitCode ?? result.signal}` : result.originalMessage ?? result.shortMessage ?? "could not start";
    await new Promise((resolve10) => log.end(`[${status}]
`, resolve10));
  }
  if (!started) {
    throw startError(
      cmd,
      commandLine,
      result.code,
      result.originalMessage ?? result.shortMessage ?? "could not start",
      opts.cwd,
      result.cause
    );
  }
  if (result.failed) {
    throw new CommandError(
      commandLine,
      result.exitCode ?? null,
      result.signal ?? null,
      result.stdout,
      result.stderr,
      tail,
      opts.logFile
    );
  }
  return { stdout: result.stdout, stderr: result.stderr, exitCode: 0 };
}

// src/util/fs.ts
import { createHash } from "node:crypto";
import { access, readFile as readFile2 } from "node:fs/promises";
async function exists(path10) {
  return access(path10).then(
    () => true,
    () => false
  );
}
async function sha256File(path10) {
  return createHash("sha256").update(await readFile2(path10)).digest("hex");
}

// src/source/debian.ts
var DEFAULT_DEBIAN_XEN_VERSION = "4.17.5+72-g01140da4e8-1";
var UNPACKED_STAMP = ".unpacked";
async function fetchDebianSource(opts) {
  const { version } = opts;
  if (!/^[0-9][A-Za-z0-9.+~:-]*$/.test(version)) {
    throw new ConfigurationError("xen-source", `'${version}' is not a Debian package version`);
  }
  const sourceDir = join(resolve(opts.cacheDir), "source");
  const root = join(sourceDir, `xen-${version}`);
  const tree = { root, identity: { kind: "debian", package: "xen", version } };
  if (!await exists(join(root, UNPACKED_STAMP))) {
    const dsc = await download(version, join(sourceDir, `download-${version}`), opts.logFile);
    await unpack(dsc, root, opts.logFile);
  }
  await assertXenTree(root);
  return tree;
}
async function download(version, dir, logFile) {
  const dscName = `xen_${version.replace(/^\d+:/, "")}.dsc`;
  const dsc = join(dir, dscName);
  if (await exists(dsc)) return dsc;
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await runCommand("apt-get", ["source", "--download-only", `xen=${version}`], {
      cwd: tmp,
      logFile
    });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    if (!(err instanceof CommandError)) throw err;
    throw await sourceUnavailable(version, err);
  }
  if (!await exists(join(tmp, dscName))) {
    throw new Error(`apt-get source xen=${version} succeeded but left no ${dscName} in ${tmp}`);
  }
  await moveIntoPlace(tmp, dir, dscName);
  return dsc;
}
async function sourceUnavailable(version, err) {
  const aptSays = err.stderr.split("\n").filter((l) => l.startsWith("E:")).join(" ");
  const listed = await debianSourceVersions();
  const suites = listed.filter((l) => l.version === version).map((l) => l.suite);
  if (suites.length > 0) {
    return new ConfigurationError(
      "xen-source",
      `Debian's archive lists xen=${version} in ${suites.join(", ")}, but apt could not download it (${aptSays}). Try again later, or give the tree as a path or git URL.`
    );
  }
  const known = listed.map((l) => `${l.version} (${l.suite})`).join(", ") || "none";
  return new ConfigurationError(
    "xen-source",
    `apt has no Debian source package xen=${version} (${aptSays}); the versions it knows: ${known}. For another Debian release's Xen, run scripts/provision.sh with XLCI_DEBIAN_SUITES=SUITE (e.g. trixie for Debian 13's 4.20); it also adds the deb-src entries and runs apt-get update.`
  );
}
async function debianSourceVersions() {
  const out = await runCommand("apt-cache", ["madison", "xen"]).catch(() => ({ stdout: "" }));
  return out.stdout.split("\n").map((line) => /^\s*xen \| (\S+) \| \S+ (\S+?)\/\S+ Sources$/.exec(line)).filter((m) => m !== null).map((m) => ({ version: m[1], suite: m[2] }));
}
async function unpack(dsc, root, logFile) {
  const tmp = `${root}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await runCommand("dpkg-source", ["--no-check", "--no-copy", "-x", dsc, tmp], { logFile });
  await writeFile(join(tmp, UNPACKED_STAMP), "");
  await moveIntoPlace(tmp, root, UNPACKED_STAMP);
}
async function moveIntoPlace(tmp, dest, doneMarker) {
  if (!await exists(join(dest, doneMarker))) await rm(dest, { recursive: true, force: true });
  try {
    await rename(tmp, dest);
  } catch (err) {
    const code = err.code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
    await rm(tmp, { recursive: true, force: true });
  }
}
async function assertXenTree(root) {
  const required = ["xen/Makefile", "xen/common/livepatch.c"];
  const missing = [];
  for (const file of required) if (!await exists(join(root, file))) missing.push(file);
  if (missing.length === 0) return;
  const found = await readdir(root).then(
    (names) => names.length ? `it holds ${names.sort().slice(0, 12).join(", ")}` : "it is empty",
    () => "it does not exist"
  );
  throw new ConfigurationError(
    "xen-source",
    `${root} is not a Xen source tree (missing ${missing.join(", ")}): ${found}`
  );
}

// src/source/git.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir as mkdir2 } from "node:fs/promises";
import { join as join2, resolve as resolve2 } from "node:path";
function gitFetchSteps(ref) {
  const what2 = ref || "HEAD";
  return {
    shallow: ["fetch", "--quiet", "--depth", "1", "origin", what2],
    full: ["fetch", "--quiet", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*"]
  };
}
async function fetchGitSource(opts) {
  if (opts.ref.startsWith("-") || opts.url.startsWith("-")) {
    throw new ConfigurationError("xen-ref", `"${opts.ref || opts.url}" is not a git ref or URL`);
  }
  const id = createHash2("sha256").update(opts.url).digest("hex").slice(0, 16);
  const root = join2(resolve2(opts.cacheDir), "source", `git-${id}`);
  const git = (args) => runCommand("git", ["-C", root, ...args], { logFile: opts.logFile });
  if (!await exists(join2(root, ".git"))) {
    await mkdir2(root, { recursive: true });
    await git(["init", "--quiet"]);
    await git(["remote", "add", "origin", opts.url]);
  }
  const steps = gitFetchSteps(opts.ref);
  try {
    await git(steps.shallow);
    await git(["checkout", "--quiet", "--force", "FETCH_HEAD"]);
  } catch (shallowError) {
    try {
      await git(steps.full);
      await git(["checkout", "--quiet", "--force", opts.ref || "origin/HEAD"]);
    } catch (e) {
      const detail = e instanceof CommandError ? e.stderr.trim().split("\n").slice(-2).join(" ") : String(e);
      throw new ConfigurationError(
        opts.ref ? "xen-ref" : "xen-source",
        `cannot fetch ${opts.ref ? `ref "${opts.ref}" of ` : ""}${opts.url}: ${detail}`,
        { cause: shallowError }
      );
    }
  }
  await git(["clean", "-fdxq"]);
  const commit = (await git(["rev-parse", "HEAD"])).stdout.trim();
  const date = (await git(["log", "-1", "--format=%cI"])).stdout.trim();
  await assertXenTree(root);
  return {
    root,
    identity: { kind: "git", url: opts.url, ref: opts.ref, commit },
    sourceDate: new Date(date)
  };
}

// src/source/path.ts
import { createHash as createHash3 } from "node:crypto";
import { readFile as readFile4, readdir as readdir2, stat as stat2 } from "node:fs/promises";
import { join as join3, relative as relative2, resolve as resolve3 } from "node:path";
async function treeDigest(root) {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir2(dir, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const full = join3(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(full);
    }
  };
  await walk(root);
  files.sort();
  const hash = createHash3("sha256");
  for (const file of files) {
    const info = await stat2(file).catch(() => void 0);
    hash.update(`${relative2(root, file)}\0${info && info.mode & 73 ? "x" : "-"}\0`);
    if (info?.isFile()) hash.update(await readFile4(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}
async function gitState(root) {
  try {
    const git = (...args) => runCommand("git", ["-C", root, ...args]);
    const top = (await git("rev-parse", "--show-toplevel")).stdout.trim();
    if (resolve3(top) !== resolve3(root)) return void 0;
    const commit = (await git("rev-parse", "HEAD")).stdout.trim();
    const dirty = (await git("status", "--porcelain")).stdout.trim() !== "";
    const date = new Date((await git("log", "-1", "--format=%cI")).stdout.trim());
    return { commit, dirty, date };
  } catch {
    return void 0;
  }
}
async function localSource(path10) {
  const root = resolve3(path10);
  await assertXenTree(root);
  const git = await gitState(root);
  const digest = git && !git.dirty ? `git:${git.commit}` : await treeDigest(root);
  return {
    root,
    identity: {
      kind: "path",
      path: root,
      ...git ? { commit: git.commit } : {},
      dirty: git?.dirty ?? true,
      digest
    },
    ...git ? { sourceDate: git.date } : {}
  };
}

// src/base/xen.ts
import { createHash as createHash5, randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import {
  access as access2,
  appendFile,
  mkdir as mkdir4,
  readdir as readdir3,
  readFile as readFile9,
  rename as rename2,
  rm as rm4,
  symlink,
  writeFile as writeFile4
} from "node:fs/promises";
import { availableParallelism } from "node:os";
import { delimiter, dirname as dirname3, join as join7, resolve as resolve4 } from "node:path";

// src/base/config.ts
import { createHash as createHash4 } from "node:crypto";
import { readFile as readFile5 } from "node:fs/promises";
var LINE = /^(CONFIG_[A-Za-z0-9_]+=.*|# CONFIG_[A-Za-z0-9_]+ is not set|#.*|\s*)$/;
async function loadXenConfig(path10) {
  let text;
  try {
    text = await readFile5(path10, "utf8");
  } catch (e) {
    throw new ConfigurationError("xen-config", `cannot read ${path10}: ${e.message}`);
  }
  const lines = text.split("\n");
  const bad = lines.findIndex((l) => !LINE.test(l));
  if (bad >= 0) {
    throw new ConfigurationError(
      "xen-config",
      `${path10}:${bad + 1}: "${lines[bad]}" is not a Kconfig line (CONFIG_X=value, "# CONFIG_X is not set" or a comment)`
    );
  }
  const kind = /^# Automatically generated file; DO NOT EDIT\./m.test(text) ? "full" : "fragment";
  return { kind, path: path10, text: text.endsWith("\n") ? text : `${text}
` };
}
function configKey(config) {
  if (config.kind === "defconfig") return "defconfig";
  return `${config.kind}:${createHash4("sha256").update(config.text).digest("hex")}`;
}
function mergedConfigText(defconfig, config) {
  if (config.kind === "defconfig") return defconfig;
  if (config.kind === "full" || config.kind === "packaging") return config.text;
  return `${defconfig}
# xen-livepatch-ci: fragment ${config.path}
${config.text}`;
}
function livepatchRequirements(config) {
  if (!/^CONFIG_X86_64=y$/m.test(config)) {
    throw new ConfigurationError(
      "xen-config",
      "the configuration is not for x86-64 (no CONFIG_X86_64=y); only x86-64 is supported"
    );
  }
  const force = /^CONFIG_LIVEPATCH=y$/m.test(config) ? [] : ["CONFIG_LIVEPATCH=y"];
  const knowsSysctl = /^(CONFIG_SYSCTL=|# CONFIG_SYSCTL is not set)/m.test(config);
  if (knowsSysctl && !/^CONFIG_SYSCTL=y$/m.test(config)) force.push("CONFIG_SYSCTL=y");
  return force;
}

// src/base/packaging.ts
import { mkdtemp, readFile as readFile6, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join4 } from "node:path";
var TREE_PLACEHOLDER = "@XLCI_TREE@";
var OUTPUT_ONLY_ARGS = /^V=/;
var NOT_RECIPE_ENV = /* @__PURE__ */ new Set([
  "MAKEFLAGS",
  "MFLAGS",
  "MAKELEVEL",
  "MAKE_TERMOUT",
  "MAKE_TERMERR",
  "SHLVL",
  "PWD",
  "OLDPWD",
  "_",
  "XLCI_OUT"
]);
var evaluated = /* @__PURE__ */ new Map();
function readDebianRecipe(root, logFile) {
  let recipe = evaluated.get(root);
  if (!recipe) {
    recipe = evaluate(root, logFile);
    evaluated.set(root, recipe);
    recipe.catch(() => evaluated.delete(root));
  }
  return recipe;
}
async function evaluate(root, logFile) {
  if (!await exists(join4(root, "debian", "rules"))) return void 0;
  const out = await mkdtemp(join4(tmpdir(), "xlci-recipe-"));
  try {
    const printer = join4(out, "print.mk");
    await writeFile2(
      printer,
      [
        "xlci-print-recipe:",
        `	@printf '%s\\0' $(make_args_xen) > "$(XLCI_OUT)/args"`,
        `	@env -0 > "$(XLCI_OUT)/env"`,
        ""
      ].join("\n")
    );
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", XLCI_OUT: out };
    const make = (args2) => runCommand(
      "env",
      ["-i", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), "make", ...args2],
      { cwd: root, ...logFile ? { logFile } : {} }
    );
    const [, configure2] = await Promise.all([
      make([
        "-s",
        "--no-print-directory",
        "-f",
        "debian/rules",
        "-f",
        printer,
        "xlci-print-recipe"
      ]),
      // Printed, not run: the packaging's configure step names the .config it copies.
      make([
        "-n",
        "--no-print-directory",
        "-f",
        "debian/rules",
        "override_dh_auto_configure"
      ]).catch(() => ({ stdout: "" }))
    ]);
    const nulSplit = (text) => text.split("\0").filter((s) => s.length > 0);
    const args = nulSplit(await readFile6(join4(out, "args"), "utf8"));
    const differences = [];
    const makeArgs = args.filter((arg) => {
      if (!OUTPUT_ONLY_ARGS.test(arg)) return true;
      differences.push(`${arg} left out (it changes only what make prints)`);
      return false;
    }).map((arg) => arg.split(root).join(TREE_PLACEHOLDER));
    const recipeEnv2 = {};
    for (const entry of nulSplit(await readFile6(join4(out, "env"), "utf8"))) {
      const eq = entry.indexOf("=");
      const name = entry.slice(0, eq);
      if (eq <= 0 || NOT_RECIPE_ENV.has(name) || name in env) continue;
      recipeEnv2[name] = entry.slice(eq + 1).split(root).join(TREE_PLACEHOLDER);
    }
    const copied = /^\s*cp\s+(?:-\S+\s+)*(\S+)\s+xen\/\.config\s*$/m.exec(configure2.stdout)?.[1];
    if (!copied)
      differences.push(
        "the packaging's configure step copies no .config into xen/: Xen's defconfig is used"
      );
    return {
      kind: "debian",
      makeArgs,
      env: recipeEnv2,
      ...copied ? { configFile: copied } : {},
      differences
    };
  } finally {
    await rm2(out, { recursive: true, force: true });
  }
}
function upstreamRecipe() {
  return {
    kind: "upstream",
    makeArgs: [`EXTRA_CFLAGS_XEN_CORE=-ffile-prefix-map=${TREE_PLACEHOLDER}=.`],
    env: {},
    differences: []
  };
}
function recipeMakeArgs(recipe, tree) {
  return (recipe?.makeArgs ?? []).map((arg) => arg.split(TREE_PLACEHOLDER).join(tree));
}
function recipeEnv(recipe, tree) {
  return Object.fromEntries(
    Object.entries(recipe?.env ?? {}).map(([k, v]) => [k, v.split(TREE_PLACEHOLDER).join(tree)])
  );
}
function recipeCompiler(recipe) {
  return recipe?.makeArgs.find((a2) => a2.startsWith("CC="))?.slice(3) || void 0;
}

// src/util/json.ts
function canonicalJson(value) {
  return JSON.stringify(
    value,
    (_key, v) => v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a2], [b]) => a2 < b ? -1 : a2 > b ? 1 : 0)) : v
  );
}

// src/util/lock.ts
import { mkdir as mkdir3, readFile as readFile7, rm as rm3, stat as stat3, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join5 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
async function withLock(lockDir, fn) {
  const ownerFile = join5(lockDir, "pid");
  await mkdir3(dirname2(lockDir), { recursive: true });
  for (; ; ) {
    const made = await mkdir3(lockDir).then(
      () => true,
      (err) => {
        if (err.code === "EEXIST") return false;
        throw err;
      }
    );
    if (made) break;
    const owner = Number(await readFile7(ownerFile, "utf8").catch(() => "0"));
    const ageMs = await stat3(lockDir).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0
    );
    const stale = owner > 0 ? !processExists(owner) : ageMs > 6e4;
    if (stale) await rm3(lockDir, { recursive: true, force: true });
    else await sleep(500);
  }
  await writeFile3(ownerFile, String(process.pid));
  try {
    return await fn();
  } finally {
    await rm3(lockDir, { recursive: true, force: true });
  }
}
function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

// src/livepatch/xen-version.ts
import { readFile as readFile8 } from "node:fs/promises";
import { join as join6 } from "node:path";
async function readXenVersion(root) {
  const file = join6(root, "xen", "Makefile");
  const text = await readFile8(file, "utf8");
  const value = (name) => new RegExp(`^export ${name}\\s*\\??=\\s*(\\S*?)(?:\\$\\(XEN_VENDORVERSION\\))?\\s*$`, "m").exec(
    text
  )?.[1];
  const major = Number(value("XEN_VERSION"));
  const minor = Number(value("XEN_SUBVERSION"));
  const extra = value("XEN_EXTRAVERSION");
  if (!Number.isInteger(major) || !Number.isInteger(minor) || extra === void 0)
    throw new Error(`${file} has no XEN_VERSION, XEN_SUBVERSION and XEN_EXTRAVERSION`);
  const point = /^\.(\d+)$/.exec(extra)?.[1];
  return {
    major,
    minor,
    patch: point === void 0 ? void 0 : Number(point),
    text: `${major}.${minor}${extra}`
  };
}
function hasChange(version, change) {
  if (version.major !== 4) return version.major > 4;
  if (version.minor >= change.from) return true;
  const first = change.backports?.[version.minor];
  return first !== void 0 && (version.patch ?? 0) >= first;
}
var XEN_BUILDID_CHECKED_EARLY = { from: 20, backports: { 18: 4, 19: 1 } };

// src/base/xen.ts
var XenBuildError = class extends Error {
  constructor(tree, logFile, cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`Building the Xen base in ${tree} failed (log: ${logFile}):
${message}`, { cause });
    this.tree = tree;
    this.logFile = logFile;
  }
  tree;
  logFile;
  name = "XenBuildError";
};
var STAMP = ".xlci-build.json";
function parseChangelogDate(changelog) {
  const trailer = /^ -- .*?> {2}(.+)$/m.exec(changelog);
  const date = trailer?.[1] ? new Date(trailer[1]) : void 0;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(
      "debian/changelog has no ' -- maintainer <email>  date' line with a valid date"
    );
  }
  return date;
}
var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function xenDateValues(date) {
  const two = (n2) => String(n2).padStart(2, "0");
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const day = String(date.getUTCDate()).padStart(2, " ");
  return {
    XEN_BUILD_DATE: `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${time} UTC ${date.getUTCFullYear()}`,
    XEN_BUILD_TIME: time
  };
}
function defaultBuildValues(sourceDate) {
  return {
    ...xenDateValues(sourceDate),
    XEN_BUILD_HOST: "xen-livepatch-ci",
    XEN_WHOAMI: "builder",
    XEN_DOMAIN: "localdomain"
  };
}
function xenMakeInvocations(opts) {
  const env = {
    ...recipeEnv(opts.recipe, opts.tree),
    ...opts.distribution,
    // The given build values win over the packaging's (which set the date and time).
    ...opts.buildValues,
    PATH: opts.path,
    // Tools sort and format by locale; C keeps the output the same on every machine.
    LC_ALL: "C",
    ...opts.ccacheDir ? { CCACHE_DIR: opts.ccacheDir } : {}
  };
  const recipeArgs = recipeMakeArgs(opts.recipe, opts.tree);
  const jobs = `-j${opts.jobs}`;
  return [
    ["-C", "xen", "defconfig", ...recipeArgs],
    ["-C", "xen", jobs, ...recipeArgs]
  ].map((args) => ({ cmd: "make", args, env }));
}
function xenBuildKey(inputs) {
  return createHash5("sha256").update(canonicalJson(inputs)).digest("hex").slice(0, 16);
}
async function planXenBase(opts) {
  const cacheDir = resolve4(opts.cacheDir);
  const recipe = await readDebianRecipe(opts.source.root) ?? upstreamRecipe();
  const config = opts.config ?? (recipe?.configFile ? {
    kind: "packaging",
    path: recipe.configFile,
    text: await readFile9(join7(opts.source.root, recipe.configFile), "utf8")
  } : { kind: "defconfig" });
  const distribution = distributionValues(recipe);
  const buildValues = {
    ...await sourceDefaults(opts.source, opts.buildValues, recipe),
    ...opts.buildValues
  };
  checkBuildValues(buildValues);
  const compiler = (await runCommand(recipeCompiler(recipe) ?? "gcc", ["--version"])).stdout.split("\n")[0] ?? "";
  const key = xenBuildKey({
    source: opts.source.identity,
    config: configKey(config),
    compiler,
    buildValues,
    distribution,
    ...recipe ? { recipe } : {}
  });
  const tree = join7(cacheDir, "build", key);
  return {
    cacheDir,
    config,
    distribution,
    recipe,
    buildValues,
    key,
    tree,
    ccacheDir: join7(cacheDir, "ccache")
  };
}
async function buildXenBase(opts) {
  const plan = await planXenBase(opts);
  const { config, recipe, key, tree } = plan;
  const logFile = opts.logFile ?? `${tree}.log`;
  const earlier = await readStamp(tree);
  if (earlier) return earlier;
  return withLock(`${tree}.lock`, async () => {
    const finished7 = await readStamp(tree);
    if (finished7) return finished7;
    try {
      return await build();
    } catch (err) {
      if (err instanceof ConfigurationError) throw err;
      throw new XenBuildError(tree, logFile, err);
    }
  });
  async function build() {
    await mkdir4(dirname3(logFile), { recursive: true });
    await appendFile(
      logFile,
      `# xen-livepatch-ci: base build ${key} at ${(/* @__PURE__ */ new Date()).toISOString()}
`
    );
    await rm4(tree, { recursive: true, force: true });
    await runCommand("cp", ["-a", opts.source.root, tree], { logFile });
    const runs = await makeInvocations(opts, plan, tree, logFile);
    let configResult;
    for (const [i2, run] of runs.entries()) {
      await runCommand(run.cmd, run.args, { cwd: tree, env: run.env, logFile });
      if (i2 === 0) configResult = await configure(tree, config, run, logFile);
    }
    const xen = join7(tree, "xen");
    const result = {
      tree,
      xenSyms: join7(xen, "xen-syms"),
      xenImage: join7(xen, "xen"),
      key,
      xenVersion: await readXenVersion(tree),
      ...recipe ? { recipe } : {},
      buildEnv: { ...plan.distribution, ...plan.buildValues },
      config: configResult
    };
    for (const file of [result.xenSyms, result.xenImage]) {
      await access2(file).catch(() => {
        throw new Error(`make finished but ${file} is missing`);
      });
    }
    await writeFile4(join7(tree, STAMP), JSON.stringify(result, null, 2) + "\n");
    return { ...result, cached: false };
  }
}
async function makeInvocations(opts, plan, tree, logFile) {
  const compiler = recipeCompiler(plan.recipe);
  const ccache = await setUpCcache(plan.cacheDir, logFile, compiler ? [compiler] : []);
  const shims = await setUpShims(plan.cacheDir);
  const path10 = [ccache?.binDir, shims, process.env.PATH].filter(Boolean).join(delimiter);
  return xenMakeInvocations({
    tree,
    jobs: opts.jobs ?? availableParallelism(),
    buildValues: plan.buildValues,
    path: path10,
    ...ccache ? { ccacheDir: ccache.cacheDir } : {},
    distribution: plan.distribution,
    ...plan.recipe ? { recipe: plan.recipe } : {}
  });
}
async function xenRebuildInvocation(opts, tree, logFile) {
  const plan = await planXenBase(opts);
  const runs = await makeInvocations(opts, plan, tree, logFile);
  return runs[runs.length - 1];
}
function xenMakeFor(base, tree) {
  return {
    args: recipeMakeArgs(base.recipe, tree),
    env: { ...recipeEnv(base.recipe, tree), ...base.buildEnv, LC_ALL: "C" }
  };
}
async function sourceDefaults(source, overrides = {}, recipe) {
  const { XEN_BUILD_DATE, XEN_BUILD_TIME } = recipe?.env ?? {};
  if (XEN_BUILD_DATE && XEN_BUILD_TIME)
    return { ...defaultBuildValues(/* @__PURE__ */ new Date(0)), XEN_BUILD_DATE, XEN_BUILD_TIME };
  switch (source.identity.kind) {
    case "debian": {
      const changelog = await readFile9(join7(source.root, "debian", "changelog"), "utf8");
      return defaultBuildValues(parseChangelogDate(changelog));
    }
    case "git":
    case "path":
      if (source.sourceDate) return defaultBuildValues(source.sourceDate);
      if (overrides.XEN_BUILD_DATE && overrides.XEN_BUILD_TIME)
        return defaultBuildValues(/* @__PURE__ */ new Date(0));
      throw new ConfigurationError(
        "build-values",
        `${source.root} is not a git checkout, so there is no commit date to pin the build date to: give XEN_BUILD_DATE and XEN_BUILD_TIME`
      );
  }
}
function checkBuildValues(values) {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string" || /[/\\&'"\n`$]/.test(value)) {
      throw new ConfigurationError(
        "build-values",
        `${name}=${JSON.stringify(value)}: must be a string without / \\ & ' " \` $ or newlines`
      );
    }
  }
}
async function configure(tree, config, defconfigRun, logFile) {
  const configFile = join7(tree, "xen", ".config");
  const olddefconfig = () => runCommand("make", ["-C", "xen", "olddefconfig"], {
    cwd: tree,
    env: defconfigRun.env,
    logFile
  });
  if (config.kind !== "defconfig") {
    await writeFile4(configFile, mergedConfigText(await readFile9(configFile, "utf8"), config));
    await olddefconfig();
  }
  const notes = [];
  const force = livepatchRequirements(await readFile9(configFile, "utf8"));
  if (force.length > 0) {
    await appendFile(configFile, force.map((line) => `${line}
`).join(""));
    await olddefconfig();
    if (livepatchRequirements(await readFile9(configFile, "utf8")).length > 0) {
      throw new ConfigurationError(
        "xen-config",
        `${force.join(", ")} cannot be enabled with this configuration (a dependency is off; x86 needs the linker's --build-id)`
      );
    }
    const by = config.kind === "defconfig" ? "" : " by the given configuration";
    notes.push(`${force.join(", ")} was not set${by}: turned on`);
  }
  const digest = await sha256File(configFile);
  return { kind: config.kind, digest, notes };
}
async function setUpCcache(cacheDir, logFile, compilers = []) {
  try {
    await runCommand("ccache", ["--version"]);
  } catch (err) {
    if (!(err instanceof MissingProgramError)) throw err;
    await appendFile(logFile, "# ccache not found: building without a compiler cache\n");
    return null;
  }
  const ccachePath = await findOnPath("ccache", process.env.PATH ?? "");
  const binDir = join7(cacheDir, "ccache-bin");
  await mkdir4(binDir, { recursive: true });
  for (const name of /* @__PURE__ */ new Set(["gcc", "cc", ...compilers.filter((c3) => !c3.includes("/"))])) {
    const tmp = join7(binDir, `.${name}.${process.pid}.${randomUUID()}`);
    await rm4(tmp, { force: true });
    await symlink(ccachePath, tmp);
    await rename2(tmp, join7(binDir, name));
  }
  return { binDir, cacheDir: join7(cacheDir, "ccache") };
}
function distributionValues(recipe) {
  return recipe?.kind === "debian" ? { XLCI_LSB_DISTRIBUTOR: "Debian" } : {};
}
async function setUpShims(cacheDir) {
  const dir = join7(cacheDir, "build-shims");
  await mkdir4(dir, { recursive: true });
  const script = [
    "#!/bin/sh",
    "# xen-livepatch-ci: the distributor id a Debian tree embeds, pinned (see distributionValues).",
    'if [ "$1" = "-is" ] && [ -n "$XLCI_LSB_DISTRIBUTOR" ]; then echo "$XLCI_LSB_DISTRIBUTOR"; exit 0; fi',
    'echo "lsb_release shim: only -is is pinned" >&2',
    "exit 1",
    ""
  ].join("\n");
  const tmp = join7(dir, `.lsb_release.${process.pid}.${randomUUID()}`);
  await writeFile4(tmp, script, { mode: 493 });
  await rename2(tmp, join7(dir, "lsb_release"));
  return dir;
}
async function findOnPath(program, path10) {
  for (const dir of path10.split(delimiter).filter(Boolean)) {
    const candidate = join7(dir, program);
    if (await access2(candidate, fsConstants.X_OK).then(
      () => true,
      () => false
    ))
      return candidate;
  }
  throw new MissingProgramError(program);
}
async function readStamp(tree) {
  const text = await readFile9(join7(tree, STAMP), "utf8").catch(() => null);
  if (text === null) return null;
  const base = JSON.parse(text);
  if (!await exists(base.xenSyms)) return null;
  const config = base.config ?? {
    kind: "defconfig",
    digest: await sha256File(join7(tree, "xen", ".config")),
    notes: []
  };
  return { ...base, config, cached: true };
}

// src/patch/build.ts
import { mkdir as mkdir6, mkdtemp as mkdtemp3, readFile as readFile12, readdir as readdir5, rm as rm6, writeFile as writeFile6, copyFile as copyFile2 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join9, relative as relative4 } from "node:path";

// src/report/compiler.ts
var DIAGNOSTIC = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?:(?<column>\d+):)? (?<kind>fatal error|error|warning|Error|Warning): (?<message>.+)$/;
function parseCompilerDiagnostics(log) {
  const seen = /* @__PURE__ */ new Set();
  const found = [];
  for (const line of log.split("\n")) {
    const m = DIAGNOSTIC.exec(line.trimEnd());
    if (!m?.groups) continue;
    const { file, kind, message } = m.groups;
    const key = `${file}:${m.groups.line}:${m.groups.column ?? ""}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      file,
      line: Number(m.groups.line),
      ...m.groups.column ? { column: Number(m.groups.column) } : {},
      severity: kind?.toLowerCase() === "warning" ? "warning" : "error",
      message
    });
  }
  return found;
}

// src/payload/sources.ts
import { createHash as createHash6 } from "node:crypto";
import { copyFile, mkdir as mkdir5, mkdtemp as mkdtemp2, readdir as readdir4, readFile as readFile10, rm as rm5, stat as stat4, writeFile as writeFile5 } from "node:fs/promises";
import { availableParallelism as availableParallelism2, tmpdir as tmpdir2 } from "node:os";
import { basename as basename3, isAbsolute as isAbsolute2, join as join8, relative as relative3, resolve as resolve5, sep } from "node:path";
var INPUT = "payload-sources";
var SCRATCH = "livepatch-ci";
var GENERATED_PREFIX = "xlci-";
var COMBINED_OBJECT = `${GENERATED_PREFIX}objects.o`;
var PAYLOAD_OBJECT = `${GENERATED_PREFIX}payload.o`;
var NOTE_FILES = {
  depends: `${GENERATED_PREFIX}depends`,
  xenDepends: `${GENERATED_PREFIX}xen-depends`,
  modinfo: `${GENERATED_PREFIX}modinfo`
};
var ENDBR642 = [243, 15, 30, 250];
function payloadName(dir) {
  const name = basename3(resolve5(dir)).replace(/[^A-Za-z0-9_-]/g, "_").slice(0, LIVEPATCH_NAME_SIZE - 1);
  if (!/[A-Za-z0-9]/.test(name)) {
    throw new ConfigurationError(INPUT, `${dir}: the directory name gives no usable payload name`);
  }
  return name;
}
function gnuBuildIdNote(buildIdHex) {
  if (!/^(?:[0-9a-f]{2})+$/i.test(buildIdHex)) {
    throw new Error(`not a build-id: ${JSON.stringify(buildIdHex)}`);
  }
  const desc = Buffer.from(buildIdHex, "hex");
  const name = Buffer.from("GNU\0", "latin1");
  const note = Buffer.alloc(12 + name.length + align4(desc.length));
  note.writeUInt32LE(name.length, 0);
  note.writeUInt32LE(desc.length, 4);
  note.writeUInt32LE(NT_GNU_BUILD_ID, 8);
  name.copy(note, 12);
  desc.copy(note, 12 + name.length);
  return new Uint8Array(note);
}
var align4 = (n2) => n2 + 3 & ~3;
function modinfoEntries(info) {
  const entries = [
    ["name", info.name],
    ["version", info.version],
    ["source", canonicalJson(info.source)],
    ["source-digest", info.sourceDigest],
    ["builder", `${TOOL_NAME} ${TOOL_VERSION}`]
  ];
  const standard = new Set(entries.map(([key]) => key));
  for (const key of Object.keys(info.metadata ?? {}).sort()) {
    if (standard.has(key)) {
      throw new ConfigurationError("metadata", `${key} is set by the builder and cannot be given`);
    }
    entries.push([key, info.metadata[key]]);
  }
  return entries;
}
function modinfoBytes(entries) {
  const parts = [];
  for (const [key, value] of entries) {
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      throw new ConfigurationError("metadata", `key ${JSON.stringify(key)}: use [A-Za-z0-9_.-]`);
    }
    if (/[\0\n\r]/.test(value)) {
      throw new ConfigurationError(
        "metadata",
        `${key}: the value must not contain NUL or line breaks`
      );
    }
    parts.push(Buffer.from(`${key}=${value}\0`, "utf8"));
  }
  return new Uint8Array(Buffer.concat(parts));
}
function expectationByte(len) {
  if (!Number.isInteger(len) || len < 1 || len > EXPECT_DATA_SIZE) {
    throw new RangeError(`expectation length ${len} is outside 1..${EXPECT_DATA_SIZE}`);
  }
  return 1 | len << 1;
}
function expectationField(oldCode, oldSize) {
  const len = Math.min(oldSize, EXPECT_DATA_SIZE, oldCode.length);
  const field = new Uint8Array(1 + EXPECT_DATA_SIZE);
  field[0] = expectationByte(len);
  field.set(oldCode.subarray(0, len), 1);
  return field;
}
function sourceDigest(files) {
  const hash = createHash6("sha256");
  for (const f of [...files].sort((a2, b) => a2.path < b.path ? -1 : a2.path > b.path ? 1 : 0)) {
    hash.update(`${f.path}\0${f.content.length}\0`);
    hash.update(f.content);
  }
  return hash.digest("hex");
}
function payloadMakefile(name, objects) {
  const generated = [COMBINED_OBJECT, ...Object.values(NOTE_FILES).map((n2) => `${n2}.o`)];
  return `# Generated by ${TOOL_NAME}: payload ${name}, built by Xen's kbuild the way
# xen/test/livepatch/Makefile builds Xen's test payloads.
xlci-objs := ${objects.join(" ")}

ifeq ($(XLCI_STAGE),link)
extra-y := ${name}.livepatch
else
extra-y := $(xlci-objs) ${COMBINED_OBJECT}
endif
targets += ${generated.join(" ")}

# The sources in one relocatable object, whose function entries ${TOOL_NAME} completes.
$(obj)/${COMBINED_OBJECT}: $(addprefix $(obj)/,$(xlci-objs)) FORCE
	$(call if_changed,ld)

# A section made from a file of bytes, as test/livepatch makes its notes and .modinfo.
quiet_cmd_xlci_section = OBJCOPY $@
cmd_xlci_section = $(OBJCOPY) -I binary -O elf64-x86-64 -B i386:x86-64 \\
	--rename-section=.data=$(xlci-section),alloc,load,readonly,data,contents -S $< $@

$(obj)/${NOTE_FILES.depends}.o: xlci-section := ${SECTION.depends}
$(obj)/${NOTE_FILES.xenDepends}.o: xlci-section := ${SECTION.xenDepends}
$(obj)/${NOTE_FILES.modinfo}.o: xlci-section := ${SECTION.modinfo}
${Object.values(NOTE_FILES).map((n2) => `$(obj)/${n2}.o`).join(" ")}: $(obj)/%.o: $(obj)/%.bin FORCE
	$(call if_changed,xlci_section)

quiet_cmd_xlci_livepatch = LD      $@
cmd_xlci_livepatch = $(LD) $(XEN_LDFLAGS) $(build_id_linker) -r -o $@ $(real-prereqs)

$(obj)/${name}.livepatch: $(obj)/${PAYLOAD_OBJECT} ${Object.values(NOTE_FILES).map((n2) => `$(obj)/${n2}.o`).join(" ")} FORCE
	$(call if_changed,xlci_livepatch)
`;
}
function payloadCompileDiagnostics(output, dirs) {
  return parseCompilerDiagnostics(output).map((d) => {
    const file = d.file.replace(/^\.\//, "");
    const dir = dirs.find((x) => file.startsWith(`${x.rel}/`));
    const mapped = dir ? join8(dir.sourceDir, file.slice(dir.rel.length + 1)) : isAbsolute2(file) ? file : `xen/${file}`;
    return { ...d, file: mapped };
  });
}
var formatDiagnostic = (d) => `${d.file}:${d.line}:${d.column !== void 0 ? `${d.column}:` : ""} ${d.severity}: ${d.message}`;
var PayloadCompileError = class extends ConfigurationError {
  constructor(diagnostics, message, options) {
    super(options?.input ?? INPUT, message, options);
    this.diagnostics = diagnostics;
  }
  diagnostics;
  name = "PayloadCompileError";
};
async function buildSourcePayloads(opts) {
  if (opts.sourceDirs.length === 0) return [];
  const started = Date.now();
  const logFile = opts.logFile && resolve5(opts.logFile);
  const log = async (line) => {
    const seconds2 = ((Date.now() - started) / 1e3).toFixed(1);
    if (logFile) await writeFile5(logFile, `# [${seconds2} s] ${line}
`, { flag: "a" });
  };
  const dirs = await readPayloadDirs(opts.sourceDirs);
  const xen = await XenSyms.load(opts.base.xenSyms);
  if (!xen.buildId) throw new Error(`${opts.base.xenSyms} has no build-id note`);
  const baseSymsDigest = await sha256File(opts.base.xenSyms);
  const outDir = resolve5(opts.outDir);
  await mkdir5(outDir, { recursive: true });
  const work = await mkdtemp2(join8(tmpdir2(), "xlci-payloads-"));
  try {
    await log(`payload sources: copying the base's hypervisor tree to ${work}`);
    await copyHypervisorTree(opts.base.tree, work, logFile);
    const xenDir = join8(work, "xen");
    await log("payload sources: copied");
    for (const dir of dirs) {
      const target = join8(xenDir, dir.rel);
      for (const file of dir.files) {
        const path10 = join8(target, ...file.path.split("/"));
        await mkdir5(join8(path10, ".."), { recursive: true });
        await writeFile5(path10, file.content);
      }
      await writeFile5(join8(target, "Makefile"), payloadMakefile(dir.name, dir.objects));
    }
    const base = xenMakeFor(opts.base, work);
    const make = (goals, extra = []) => runCommand(
      "make",
      [
        "-C",
        xenDir,
        `-j${opts.jobs ?? availableParallelism2()}`,
        ...base.args,
        ...extra,
        ...goals
      ],
      // Make run inside another make would inherit its jobserver and flags.
      { env: { ...base.env, MAKEFLAGS: void 0, MAKELEVEL: void 0 }, logFile }
    );
    try {
      await make(
        dirs.map((d) => `${d.rel}/`),
        ["-k"]
      );
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      throw compileError(err, dirs);
    }
    await log(`payload sources: compiled ${dirs.length} director(ies)`);
    const results = [];
    const patchedEarlier = /* @__PURE__ */ new Map();
    for (const dir of dirs) {
      const objDir = join8(xenDir, dir.rel);
      const depends = opts.stackMode === "stacked" && results.length > 0 ? results[results.length - 1].buildId : xen.buildId;
      const combined = await readFile10(join8(objDir, COMBINED_OBJECT));
      const completed = completeFuncs(new Uint8Array(combined), {
        payload: dir.name,
        file: join8(objDir, COMBINED_OBJECT),
        xen,
        expectations: opts.expectations,
        patchedEarlier: opts.stackMode === "stacked" ? patchedEarlier : /* @__PURE__ */ new Map()
      });
      await writeFile5(join8(objDir, PAYLOAD_OBJECT), completed.bytes);
      const modinfo = modinfoBytes(
        modinfoEntries({
          name: dir.name,
          version: opts.version ?? "1",
          source: opts.source,
          sourceDigest: dir.digest,
          ...opts.metadata ? { metadata: opts.metadata } : {}
        })
      );
      await writeFile5(join8(objDir, `${NOTE_FILES.depends}.bin`), gnuBuildIdNote(depends));
      await writeFile5(join8(objDir, `${NOTE_FILES.xenDepends}.bin`), gnuBuildIdNote(xen.buildId));
      await writeFile5(join8(objDir, `${NOTE_FILES.modinfo}.bin`), modinfo);
      await make([`${dir.rel}/`], ["XLCI_STAGE=link"]);
      const file = join8(outDir, `${dir.name}.livepatch`);
      await copyFile(join8(objDir, `${dir.name}.livepatch`), file);
      const payload = await Payload.load(file);
      const buildId = payload.buildId;
      const check = (what2, note, expected) => {
        if (note.status !== "ok" || expected !== void 0 && note.id !== expected) {
          throw new Error(`${file}: ${what2} is not what was linked in (${JSON.stringify(note)})`);
        }
        return note.id;
      };
      const id = check("the build-id", buildId);
      check(SECTION.depends, payload.depends, depends);
      check(SECTION.xenDepends, payload.xenDepends, xen.buildId);
      for (const address of completed.oldAddresses) patchedEarlier.set(address, dir.name);
      results.push({
        name: dir.name,
        file,
        sourceDir: dir.sourceDir,
        buildId: id,
        depends,
        sourceDigest: dir.digest,
        notes: completed.notes
      });
      await log(`payload ${dir.name}: ${file} build-id ${id} depends ${depends}`);
    }
    for (const syms of [opts.base.xenSyms, join8(xenDir, "xen-syms")]) {
      if (await sha256File(syms) !== baseSymsDigest) {
        throw new Error(
          `${syms} changed while building payloads: the base tree was out of date, so the payloads may not match it`
        );
      }
    }
    await log(`payload sources: ${results.length} payload(s) built`);
    return results;
  } finally {
    await rm5(work, { recursive: true, force: true });
  }
}
async function readPayloadDirs(sourceDirs) {
  const dirs = [];
  const byName = /* @__PURE__ */ new Map();
  for (const given of sourceDirs) {
    const sourceDir = resolve5(given);
    const name = payloadName(sourceDir);
    const clash = byName.get(name);
    if (clash) {
      throw new ConfigurationError(
        INPUT,
        `${clash} and ${sourceDir} both give the payload name ${name}`
      );
    }
    byName.set(name, sourceDir);
    const files = await readSourceFiles(sourceDir);
    const objects = [];
    for (const { path: path10 } of files) {
      if (path10.includes("/")) continue;
      if (["Makefile", "build.mk", "Kbuild"].includes(path10) || path10.startsWith(GENERATED_PREFIX)) {
        throw new ConfigurationError(
          INPUT,
          `${join8(sourceDir, path10)}: the builder generates the build files (Makefile, ${GENERATED_PREFIX}*); remove or rename it`
        );
      }
      if (!/\.[cS]$/.test(path10)) continue;
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(path10)) {
        throw new ConfigurationError(
          INPUT,
          `${join8(sourceDir, path10)}: source names must match [A-Za-z0-9_][A-Za-z0-9_.+-]*`
        );
      }
      const object = path10.replace(/\.[cS]$/, ".o");
      if (objects.includes(object)) {
        throw new ConfigurationError(
          INPUT,
          `${sourceDir}: more than one source compiles to ${object}`
        );
      }
      objects.push(object);
    }
    if (objects.length === 0) {
      throw new ConfigurationError(INPUT, `${sourceDir} has no .c or .S file`);
    }
    dirs.push({
      name,
      sourceDir,
      files,
      objects: objects.sort(),
      digest: sourceDigest(files),
      rel: `${SCRATCH}/${name}`
    });
  }
  return dirs;
}
async function readSourceFiles(dir) {
  let entries;
  try {
    entries = await readdir4(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new ConfigurationError(
      INPUT,
      `${dir}: cannot read the directory: ${err.message}`,
      { cause: err }
    );
  }
  const files = [];
  for (const entry of entries) {
    const full = join8(entry.parentPath, entry.name);
    if (entry.isDirectory()) continue;
    const isFile = entry.isFile() || entry.isSymbolicLink() && (await stat4(full)).isFile();
    if (!isFile) {
      throw new ConfigurationError(INPUT, `${full} is not a regular file or directory`);
    }
    files.push({
      path: relative3(dir, full).split(sep).join("/"),
      content: new Uint8Array(await readFile10(full))
    });
  }
  return files.sort((a2, b) => a2.path < b.path ? -1 : a2.path > b.path ? 1 : 0);
}
async function copyHypervisorTree(tree, work, logFile) {
  const entries = await readdir4(tree, { withFileTypes: true });
  const parts = entries.filter((e) => e.isFile() || e.isDirectory() && (e.name === "xen" || e.name === "config")).map((e) => join8(tree, e.name));
  await runCommand("cp", ["-a", ...parts, work], logFile ? { logFile } : {});
  const compileH = await readFile10(join8(tree, "xen", "include", "xen", "compile.h"), "utf8").catch(
    () => ""
  );
  const changeset = /^#define XEN_CHANGESET\s+"(.*)"$/m.exec(compileH)?.[1];
  const scmversion = join8(work, "xen", "tools", "scmversion");
  if (changeset !== void 0 && await exists(scmversion)) {
    const quoted = `'${changeset.replace(/'/g, "'\\''")}'`;
    await writeFile5(
      scmversion,
      `#!/bin/sh
# xen-livepatch-ci: the base's changeset (see copyHypervisorTree)
printf '%s' ${quoted}
`,
      { mode: 493 }
    );
  }
}
function compileError(err, dirs) {
  const diagnostics = payloadCompileDiagnostics(`${err.stderr}
${err.stdout}`, dirs);
  const detail = diagnostics.length > 0 ? diagnostics.map(formatDiagnostic).join("\n") : err.message.split("\n").slice(1).join("\n");
  const log = err.logFile ? `
(full log: ${err.logFile})` : "";
  return new PayloadCompileError(
    diagnostics,
    `the payload sources do not compile against the base:
${detail}${log}`,
    { cause: err }
  );
}
function completeFuncs(objectBytes, opts) {
  const bytes = new Uint8Array(objectBytes);
  const payload = new Payload(parseElf(bytes, opts.file));
  const section = payload.elf.sectionNamed(SECTION.funcs);
  const notes = [];
  const oldAddresses = [];
  if (!section) return { bytes, notes, oldAddresses };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const f of payload.funcs()) {
    const at2 = section.offset + f.offset;
    const label = `${opts.payload}: function entry ${f.index}${f.name ? ` (${f.name})` : ""}`;
    const old = oldFunction(f, opts.xen);
    if (old?.address !== void 0) oldAddresses.push(old.address.toString());
    let oldSize = f.oldSize;
    if (oldSize === 0) {
      if (!old?.size) {
        throw new ConfigurationError(
          INPUT,
          `${label}: old_size is 0 and the old function is not a sized symbol of the base's xen-syms, so its size is unknown: set old_size`
        );
      }
      oldSize = old.size;
      view.setUint32(at2 + FUNC_OFFSET.oldSize, oldSize, true);
      notes.push(`${label}: old_size set to ${oldSize} (${old.name} in xen-syms)`);
    }
    if (f.newSize === 0) {
      const replacement = replacementFunction(payload, f);
      if (replacement) {
        view.setUint32(at2 + FUNC_OFFSET.newSize, replacement.size, true);
        notes.push(`${label}: new_size set to ${replacement.size} (${replacement.name})`);
      }
    }
    if (opts.expectations !== "auto") continue;
    if (f.expect.enabled) {
      notes.push(`${label}: keeps the expectation written in its source`);
      continue;
    }
    if (old?.address === void 0) {
      throw new ConfigurationError(
        "expectations",
        `${label}: the old function is not in the base's xen-syms, so there are no bytes to expect (set expectations: none, or write the expectation in the source)`
      );
    }
    const earlier = opts.patchedEarlier.get(old.address.toString());
    if (earlier) {
      notes.push(
        `${label}: no expectation, ${old.name} is already patched by ${earlier} earlier in the stack`
      );
      continue;
    }
    const code = opts.xen.bytesAt(old.address, EXPECT_DATA_SIZE);
    if (!code || code.length === 0) {
      throw new ConfigurationError(
        "expectations",
        `${label}: ${old.name} has no code in the base's xen-syms`
      );
    }
    const field = expectationField(code, oldSize);
    bytes.set(field, at2 + FUNC_OFFSET.expect);
    notes.push(`${label}: expects the first ${field[0] >> 1} bytes of ${old.name}`);
    if (ENDBR642.every((b, i2) => code[i2] === b)) {
      notes.push(
        `${label}: ${old.name} starts with ENDBR64, which Xen overwrites where it seals indirect branch targets (CET-IBT); there the expectation will not match`
      );
    }
  }
  return { bytes, notes, oldAddresses };
}
function replacementFunction(payload, f) {
  const { symbol, rela } = f.newAddr;
  if (!symbol || !rela || symbol.shndx === SHN_UNDEF || symbol.shndx >= SHN_LORESERVE) return;
  const value = symbol.value + rela.addend;
  return payload.elf.symbols().find(
    (s) => s.type === STT_FUNC && s.shndx === symbol.shndx && s.value === value && s.size > 0
  );
}
function oldFunction(f, xen) {
  let name;
  let addend = 0n;
  if (f.oldAddr.rela) {
    const sym2 = f.oldAddr.symbol;
    if (!sym2 || sym2.shndx !== SHN_UNDEF) return void 0;
    name = sym2.name;
    addend = f.oldAddr.rela.addend;
  } else if (f.oldAddr.raw !== 0n) {
    return { name: `0x${f.oldAddr.raw.toString(16)}`, address: f.oldAddr.raw };
  } else {
    name = f.name;
  }
  if (name === void 0) return void 0;
  const sym = xen.lookup(name);
  if (!sym) return { name };
  return { name, address: sym.value + addend, ...addend === 0n ? { size: sym.size } : {} };
}

// src/patch/object-model.ts
import { createHash as createHash7 } from "node:crypto";
var SPECIAL_SECTIONS = [
  { name: ".altinstructions", entrySize: 14 },
  { name: ".ex_table", entrySize: 8 },
  { name: ".bug_frames.0", entrySize: 8 },
  { name: ".bug_frames.1", entrySize: 8 },
  { name: ".bug_frames.2", entrySize: 8 },
  // An assertion's frame is followed by a second one holding its message.
  { name: ".bug_frames.3", entrySize: 16 }
];
var PC_RELATIVE = /* @__PURE__ */ new Set([R_X86_64_PC32, R_X86_64_PLT32]);
var ObjectModel = class {
  constructor(file, bytes) {
    this.file = file;
    this.elf = parseElf(bytes, file);
    for (const s of this.elf.sections) {
      if (s.type !== SHT_RELA) continue;
      const list = this.relasBySection.get(s.info) ?? [];
      list.push(...this.elf.relocations(s));
      this.relasBySection.set(s.info, list);
    }
    for (const list of this.relasBySection.values())
      list.sort((a2, b) => Number(a2.offset - b.offset));
    this.sourceName = this.elf.symbols().find((s) => s.type === STT_FILE && s.name)?.name;
    for (const sym of this.elf.symbols()) {
      if (sym.type !== STT_FUNC && sym.type !== STT_OBJECT) continue;
      if (sym.shndx === SHN_UNDEF || sym.shndx >= SHN_LORESERVE || !sym.name) continue;
      const section = this.elf.section(sym.shndx);
      if (!section || !(section.flags & SHF_ALLOC)) continue;
      const start = Number(sym.value);
      const size = sym.size;
      const relas = this.relocationsIn(section, start, size).map((r) => ({
        ...r,
        offset: r.offset - BigInt(start)
      }));
      const unit = {
        kind: sym.type === STT_FUNC ? "function" : "object",
        name: sym.name,
        xenName: this.xenName(sym),
        symbol: sym,
        section,
        start,
        size,
        relas
      };
      this.units.push(unit);
      this.unitBySymbol.set(sym.index, unit);
    }
  }
  file;
  elf;
  /** The source file name of its STT_FILE symbol: Xen prefixes local symbols with it. */
  sourceName;
  units = [];
  unitBySymbol = /* @__PURE__ */ new Map();
  relasBySection = /* @__PURE__ */ new Map();
  /** The name Xen's symbol table gives a symbol of this object (xen/tools/symbols.c). */
  xenName(sym) {
    return sym.bind === STB_LOCAL && this.sourceName ? `${this.sourceName}#${sym.name}` : sym.name;
  }
  relocations(section) {
    return this.relasBySection.get(section.index) ?? [];
  }
  relocationsIn(section, start, size) {
    return this.relocations(section).filter(
      (r) => r.offset >= BigInt(start) && r.offset < BigInt(start + size)
    );
  }
  symbol(index) {
    const sym = this.elf.symbols()[index];
    if (!sym) throw this.elf.error(`relocation names symbol ${index}, which does not exist`);
    return sym;
  }
  bytes(section, start = 0, size = section.size) {
    if (section.type === SHT_NOBITS) return new Uint8Array(size);
    return this.elf.data(section).subarray(start, start + size);
  }
  /** The unit of `section` covering `offset` (functions before objects). */
  unitAt(section, offset) {
    let found;
    for (const u2 of this.units) {
      if (u2.section.index !== section.index) continue;
      if (offset < u2.start || offset >= u2.start + Math.max(u2.size, 1)) continue;
      if (!found || found.kind === "object" && u2.kind === "function") found = u2;
    }
    return found;
  }
  /**
   * The function or data object a relocation target lies in: the symbol's own when it
   * names one, else the unit around the place (the PC-relative probe first).
   */
  unitOf(t) {
    if (t.symbol.type === STT_FUNC || t.symbol.type === STT_OBJECT) {
      return this.unitBySymbol.get(t.symbol.index);
    }
    return this.unitAt(t.section, t.probe) ?? this.unitAt(t.section, t.offset);
  }
  /**
   * Where a relocation points, as a section and offset, or an undefined symbol's name.
   * A PC-relative reference's addend is biased by the distance from the field to the end
   * of the instruction (-4 for most): `probe` is the offset most likely inside the target.
   */
  target(rela) {
    const sym = this.symbol(rela.symbolIndex);
    if (sym.shndx === SHN_UNDEF) return { kind: "undefined", name: sym.name, symbol: sym };
    const section = this.elf.section(sym.shndx);
    if (!section || sym.shndx >= SHN_LORESERVE) {
      throw this.elf.error(
        `relocation against ${sym.name || "a symbol"} in special section ${sym.shndx}`
      );
    }
    const offset = Number(sym.value + rela.addend);
    const probe = PC_RELATIVE.has(rela.type) ? offset + 4 : offset;
    return { kind: "section", section, offset, probe, symbol: sym };
  }
  /**
   * A description of where a relocation points that does not depend on where the
   * compiler placed things: a function or object by name and offset, a string by its
   * text, anonymous read-only data by its content. Equal descriptions in two builds
   * mean the same target.
   */
  describeTarget(rela) {
    const t = this.target(rela);
    if (t.kind === "undefined") return `extern ${t.name}${signed(rela.addend)}`;
    const { section } = t;
    const unit = this.unitOf(t);
    if (unit) {
      const what2 = unit.kind === "object" && !isWritable(section) ? `=${this.digest(unit)}` : "";
      return `${unit.kind} ${stripCloneNumber(unit.name)}${what2}${signed(BigInt(t.offset - unit.start))}`;
    }
    if (section.flags & SHF_MERGE && section.flags & SHF_STRINGS) {
      const data = this.bytes(section);
      return `string ${JSON.stringify(cString(data, t.offset))} ${JSON.stringify(cString(data, t.probe))}`;
    }
    const content = createHash7("sha256").update(this.bytes(section)).digest("hex").slice(0, 16);
    return `section ${baseSectionName(section.name)}=${content}${signed(BigInt(t.offset))}`;
  }
  /** A digest of a unit's bytes and of what its relocations point at. */
  digest(unit) {
    const hash = createHash7("sha256").update(this.bytes(unit.section, unit.start, unit.size));
    for (const r of unit.relas) {
      const target = this.symbol(r.symbolIndex).index === unit.symbol.index ? "self" : this.describeTarget(r);
      hash.update(`|${r.offset}:${r.type}:${target}`);
    }
    return hash.digest("hex").slice(0, 16);
  }
  /** The entries of a special section, each with its relocations (offsets within the entry). */
  specialEntries(name, entrySize) {
    const section = this.elf.sectionNamed(name);
    if (!section) return [];
    const relas = this.relocations(section);
    const entries = [];
    for (let at2 = 0; at2 + entrySize <= section.size; at2 += entrySize) {
      const inside = relas.filter((r) => r.offset >= BigInt(at2) && r.offset < BigInt(at2 + entrySize)).map((r) => ({ ...r, offset: r.offset - BigInt(at2) }));
      const anchor = inside.find((r) => r.offset === 0n);
      const target = anchor && this.target(anchor);
      const unit = target?.kind === "section" && target.section.flags & SHF_EXECINSTR ? this.unitAt(target.section, Number(withoutLineBits(BigInt(target.offset)))) : void 0;
      entries.push({ section, at: at2, size: entrySize, relas: inside, unit });
    }
    return entries;
  }
};
function withoutLineBits(addend) {
  return addend & 0xffffffn;
}
function isColdPart(unit) {
  return unit.name.endsWith(".cold");
}
var SUPPORT_CODE_SECTIONS = /* @__PURE__ */ new Set([
  ".altinstr_replacement",
  ".fixup"
]);
function isWritable(section) {
  return Boolean(section.flags & SHF_WRITE) && !section.name.startsWith(".data.rel.ro");
}
function isCode(section) {
  return Boolean(section.flags & SHF_EXECINSTR);
}
function stripCloneNumber(name) {
  return name.replace(/\.\d+$/, "");
}
function baseSectionName(name) {
  return name.replace(/\.\d+$/, "");
}
function signed(n2) {
  return n2 < 0n ? `${n2}` : `+${n2}`;
}
function cString(data, at2) {
  if (at2 < 0 || at2 >= data.length) return "";
  let end = data.indexOf(0, at2);
  if (end < 0) end = data.length;
  return Buffer.from(data.subarray(at2, end)).toString("latin1");
}

// src/patch/object-diff.ts
var MIN_PATCHABLE_SIZE = 5;
function pairUnits(original, patched) {
  const pairs = /* @__PURE__ */ new Map();
  const key = (u2) => `${u2.kind} ${isCode(u2.section) ? "x" : "d"} ${u2.name}`;
  const byName = new Map(original.map((u2) => [key(u2), u2]));
  const unpaired = [];
  for (const u2 of patched) {
    const o2 = byName.get(key(u2));
    if (o2) {
      pairs.set(u2, o2);
      byName.delete(key(u2));
    } else unpaired.push(u2);
  }
  const strippedKey = (u2) => `${u2.kind} ${stripCloneNumber(u2.name)}`;
  const group = (units) => {
    const m = /* @__PURE__ */ new Map();
    for (const u2 of units) m.set(strippedKey(u2), [...m.get(strippedKey(u2)) ?? [], u2]);
    return m;
  };
  const left = group(byName.values());
  for (const [k, list] of group(unpaired)) {
    const candidates = left.get(k);
    if (list.length === 1 && candidates?.length === 1) pairs.set(list[0], candidates[0]);
  }
  return pairs;
}
function specialSignature(model, unit) {
  const lines = [];
  for (const { name, entrySize } of SPECIAL_SECTIONS) {
    for (const e of model.specialEntries(name, entrySize)) {
      if (e.unit?.symbol.index !== unit.symbol.index) continue;
      const data = model.bytes(e.section, e.at, e.size);
      const fields = name === ".altinstructions" ? Buffer.from(data.subarray(8)).toString("hex") : "";
      const refs = e.relas.map((r) => {
        const t = model.target(r);
        const where = t.kind === "section" && isCode(t.section) && name.startsWith(".bug_frames") ? model.describeTarget({ ...r, addend: withoutLineBits(r.addend) }) : model.describeTarget(r);
        return `${r.offset}:${where}`;
      });
      lines.push(`${name} ${fields} ${refs.join(" ")}`);
    }
  }
  return lines.sort();
}
function referencedUnits(model, fn) {
  const found = /* @__PURE__ */ new Set();
  for (const r of fn.relas) {
    const t = model.target(r);
    const unit = t.kind === "section" ? model.unitOf(t) : void 0;
    if (unit) found.add(unit);
  }
  return found;
}
function pairStaticsByUser(original, patched, pairs) {
  const pairedOriginals = new Set(pairs.values());
  const functions = patched.units.filter((u2) => u2.kind === "function");
  for (const data of patched.units) {
    if (data.kind !== "object" || pairs.has(data)) continue;
    const users = functions.filter((f) => referencedUnits(patched, f).has(data));
    if (users.length === 0 || !users.every((u2) => pairs.has(u2))) continue;
    const name = stripCloneNumber(data.name);
    const candidates = users.map(
      (u2) => [...referencedUnits(original, pairs.get(u2))].filter(
        (o2) => o2.kind === "object" && !pairedOriginals.has(o2) && stripCloneNumber(o2.name) === name
      )
    ).reduce((a2, b) => a2.filter((x) => b.includes(x)));
    if (candidates.length === 1) {
      pairs.set(data, candidates[0]);
      pairedOriginals.add(candidates[0]);
    }
  }
}
function diffObjects(original, patched) {
  const pairs = pairUnits(original.units, patched.units);
  pairStaticsByUser(original, patched, pairs);
  const diff = {
    original,
    patched,
    changed: [],
    added: [],
    hooks: [],
    refusals: [],
    pairs
  };
  const where = (u2) => `${u2.xenName} (${patched.file})`;
  for (const unit of patched.units) {
    const before = pairs.get(unit);
    if (unit.kind === "object") {
      if (before) checkData(before, unit);
      continue;
    }
    if (!before) {
      if (isInit(unit))
        diff.refusals.push(
          `${where(unit)} is new init code: a livepatch is applied after boot, so it would never run`
        );
      else diff.added.push(unit);
      continue;
    }
    const why = functionDifference(before, unit);
    if (!why) continue;
    if (isInit(unit)) {
      diff.refusals.push(
        `${where(unit)} is init code (${unit.section.name}): it ran at boot and is gone, a livepatch cannot change it`
      );
      continue;
    }
    diff.changed.push({ unit, original: before, why });
  }
  for (const c3 of [...diff.changed]) {
    if (!isColdPart(c3.unit)) continue;
    diff.changed.splice(diff.changed.indexOf(c3), 1);
    const parentName = c3.unit.name.replace(/\.cold$/, "");
    const parent = patched.units.find((u2) => u2.kind === "function" && u2.name === parentName);
    const parentBefore = parent && pairs.get(parent);
    if (parent && parentBefore && !diff.changed.some((d) => d.unit === parent)) {
      diff.changed.push({
        unit: parent,
        original: parentBefore,
        why: `its cold part ${c3.unit.name} changed`
      });
    }
  }
  for (const c3 of diff.changed) {
    if (c3.original.size < MIN_PATCHABLE_SIZE) {
      diff.refusals.push(
        `${where(c3.unit)} is ${c3.original.size} bytes in the base, shorter than the ${MIN_PATCHABLE_SIZE}-byte jump a livepatch writes over it`
      );
    }
  }
  for (const c3 of diff.changed) {
    for (const data of referencedUnits(patched, c3.unit)) {
      if (data.kind !== "object" || pairs.has(data) || !isWritable(data.section)) continue;
      const namesakes = original.units.filter(
        (u2) => u2.kind === "object" && stripCloneNumber(u2.name) === stripCloneNumber(data.name)
      );
      if (namesakes.length === 0) continue;
      diff.refusals.push(
        `${where(c3.unit)} uses the static ${data.xenName}, named like the hypervisor's ${namesakes.map((u2) => u2.xenName).join(", ")}: which one it is cannot be told (give the statics distinct names)`
      );
    }
  }
  for (const s of patched.elf.sections) {
    if (!(s.name in HOOK_SECTIONS)) continue;
    const before = original.elf.sectionNamed(s.name);
    const describe = (m, sec) => m.relocations(sec).map((r) => `${r.offset}:${m.describeTarget(r)}`).join(" ");
    if (!before || describe(original, before) !== describe(patched, s)) diff.hooks.push(s);
  }
  checkLooseCode();
  diff.changed.sort((a2, b) => a2.unit.name.localeCompare(b.unit.name));
  return diff;
  function functionDifference(before, after) {
    const a2 = original.bytes(before.section, before.start, before.size);
    const b = patched.bytes(after.section, after.start, after.size);
    if (a2.length !== b.length) return `its size changed from ${a2.length} to ${b.length} bytes`;
    if (!Buffer.from(a2).equals(Buffer.from(b))) return "its code changed";
    if (before.relas.length !== after.relas.length) return "it references other things";
    for (const [i2, r] of after.relas.entries()) {
      const o2 = before.relas[i2];
      const rt = patched.describeTarget(r);
      const ot = original.describeTarget(o2);
      if (r.offset !== o2.offset || r.type !== o2.type || rt !== ot) {
        return `the reference at +${r.offset} changed from ${ot} to ${rt}`;
      }
    }
    const sa = specialSignature(original, before).join("\n");
    const sb = specialSignature(patched, after).join("\n");
    if (sa !== sb) return "its alternatives, exception table or bug frame entries changed";
    return void 0;
  }
  function checkData(before, after) {
    if (!isWritable(after.section)) return;
    if (before.size !== after.size) {
      diff.refusals.push(
        `${where(after)} changes size from ${before.size} to ${after.size} bytes: the hypervisor's live data keeps its old layout, which a livepatch cannot change`
      );
    } else if (original.digest(before) !== patched.digest(after)) {
      diff.refusals.push(
        `${where(after)} has a new initial value: the hypervisor's copy is live and is not re-initialised by a livepatch (initialise it in a load hook instead)`
      );
    }
  }
  function checkLooseCode() {
    for (const s of patched.elf.sections) {
      if (!isCode(s) || s.size === 0) continue;
      if (patched.units.some((u2) => u2.section.index === s.index)) continue;
      const o2 = original.elf.sectionNamed(s.name);
      const same = o2 && Buffer.from(original.bytes(o2)).equals(Buffer.from(patched.bytes(s)));
      if (!same && !SUPPORT_CODE_SECTIONS.has(s.name)) {
        diff.refusals.push(
          `${patched.file}: ${s.name} changed, and holds code outside any function symbol (assembly without .type @function): it cannot be patched function by function`
        );
      }
    }
  }
}
function isInit(unit) {
  return /^\.init\b|\.init\./.test(unit.section.name);
}

// src/patch/emit.ts
var RELOCATION_NAMES = /* @__PURE__ */ new Map([
  [R_X86_64_64, "R_X86_64_64"],
  [R_X86_64_PC32, "R_X86_64_PC32"],
  [R_X86_64_PLT32, "R_X86_64_PLT32"]
]);
var PatchRefusal = class extends Error {
  constructor(reasons) {
    super(reasons.join("\n"));
    this.reasons = reasons;
  }
  reasons;
  name = "PatchRefusal";
};
var quote = (name) => `"${name.replace(/[\\"]/g, (c3) => `\\${c3}`)}"`;
var signed2 = (n2) => n2 === 0n ? "" : n2 < 0n ? `${n2}` : `+${n2}`;
function emitPayloadSource(diffs) {
  const refusals = diffs.flatMap((d) => d.refusals);
  const blocks = [];
  const notes = [];
  let nextLabel = 0;
  const newLabel = () => `.Lxlci${nextLabel++}`;
  const placed = /* @__PURE__ */ new Map();
  const idOf2 = (diff) => diffs.indexOf(diff);
  const included = /* @__PURE__ */ new Set();
  const functions = [];
  const added = [];
  for (const diff of diffs) {
    for (const c3 of diff.changed) include(diff, c3.unit);
    for (const u2 of diff.added) include(diff, u2);
  }
  const funcEntries = [];
  for (const diff of diffs) {
    for (const c3 of diff.changed) {
      const symbol = placeUnit(diff, c3.unit, c3.original.xenName);
      functions.push({
        name: c3.original.xenName,
        object: diff.patched.file,
        size: c3.unit.size,
        why: c3.why
      });
      funcEntries.push({ name: c3.original.xenName, symbol, size: c3.unit.size });
    }
    for (const u2 of diff.added) {
      placeUnit(diff, u2, u2.xenName);
      added.push(u2.xenName);
    }
  }
  for (const diff of diffs) {
    for (const hook of diff.hooks) placeSection(diff, hook, hook.name);
  }
  for (const { name, entrySize } of SPECIAL_SECTIONS) placeSpecialEntries(name, entrySize);
  if (refusals.length > 0) throw new PatchRefusal(refusals);
  if (funcEntries.length === 0 && diffs.every((d) => d.hooks.length === 0)) {
    const recompiled = diffs.map((d) => d.patched.file).join(", ") || "none";
    throw new PatchRefusal([
      `the patch changes no function of the hypervisor's code (only comments, moved lines, unused code, or code the compiler produced identically); objects that differ: ${recompiled}`
    ]);
  }
  const lines = [
    "/* Generated by xen-livepatch-ci's patch builder: the functions a patch changed. */"
  ];
  for (const f of functions) lines.push(`/* ${f.name}: ${f.why} */`);
  for (const b of blocks) lines.push(...blockLines(b));
  lines.push(...funcsLines(funcEntries));
  return { text: lines.join("\n") + "\n", functions, added, notes };
  function include(diff, unit) {
    included.add(`${idOf2(diff)}:${unit.symbol.index}`);
  }
  function isIncluded(diff, unit) {
    return included.has(`${idOf2(diff)}:${unit.symbol.index}`);
  }
  function placeUnit(diff, unit, symbolName) {
    const key = `${idOf2(diff)}:unit:${unit.symbol.index}`;
    const done = placed.get(key);
    if (done) return done;
    const name = symbolName ?? newLabel();
    placed.set(key, name);
    const model = diff.patched;
    const block = {
      label: refName(name),
      section: `${sectionPrefix(unit.section)}.xlci.${blocks.length}`,
      flags: sectionFlags(unit.section),
      nobits: unit.section.type === SHT_NOBITS,
      align: Math.max(1, Number(unit.section.addralign)),
      ...symbolName ? {
        symbol: {
          name: symbolName,
          type: unit.kind === "function" ? "function" : "object",
          size: unit.size
        }
      } : {},
      bytes: model.bytes(unit.section, unit.start, unit.size),
      relocs: []
    };
    blocks.push(block);
    block.relocs = unit.relas.map((r) => reloc(diff, r, Number(r.offset)));
    return name;
  }
  function placeSection(diff, section, outputName) {
    const key = `${idOf2(diff)}:section:${section.index}`;
    const done = placed.get(key);
    if (done) return done;
    const label = newLabel();
    placed.set(key, label);
    const model = diff.patched;
    const block = {
      label,
      section: outputName ?? `${sectionPrefix(section)}.xlci.${blocks.length}`,
      flags: sectionFlags(section),
      nobits: section.type === SHT_NOBITS,
      align: Math.max(1, Number(section.addralign)),
      bytes: model.bytes(section),
      relocs: []
    };
    blocks.push(block);
    block.relocs = model.relocations(section).map((r) => reloc(diff, r, Number(r.offset)));
    return label;
  }
  function placeSpecialEntries(name, entrySize) {
    const parts = [];
    for (const diff of diffs) {
      for (const e of diff.patched.specialEntries(name, entrySize)) {
        if (!e.unit || !isIncluded(diff, e.unit)) continue;
        parts.push({
          diff,
          at: e.at,
          bytes: diff.patched.bytes(e.section, e.at, e.size),
          relas: e.relas
        });
      }
    }
    if (parts.length === 0) return;
    const first = diffs.map((d) => d.patched.elf.sectionNamed(name)).find(Boolean);
    const block = {
      label: newLabel(),
      section: name,
      flags: sectionFlags(first),
      nobits: false,
      align: Math.max(1, Number(first.addralign)),
      bytes: new Uint8Array(parts.length * entrySize),
      relocs: []
    };
    blocks.push(block);
    parts.forEach((p, i2) => {
      block.bytes.set(p.bytes, i2 * entrySize);
      for (const r of p.relas) {
        block.relocs.push(
          reloc(p.diff, r, i2 * entrySize + Number(r.offset), name.startsWith(".bug_frames"))
        );
      }
    });
    notes.push(
      `${name}: ${parts.length} entr${parts.length === 1 ? "y" : "ies"} of the changed functions`
    );
  }
  function reloc(diff, r, offset, lineBits = false) {
    const model = diff.patched;
    const type = RELOCATION_NAMES.get(r.type);
    if (!type) {
      refusals.push(
        `${model.file}: relocation type ${r.type} at +${r.offset} is not one Xen's loader applies`
      );
      return { offset, type: "R_X86_64_NONE", target: "0" };
    }
    const high = lineBits ? r.addend - withoutLineBits(r.addend) : 0n;
    const target = targetExpression(diff, { ...r, addend: r.addend - high });
    return { offset, type, target: `${target}${signed2(high)}` };
  }
  function targetExpression(diff, r) {
    const model = diff.patched;
    const t = model.target(r);
    if (t.kind === "undefined") return `${quote(t.name)}${signed2(r.addend)}`;
    const unit = model.unitOf(t);
    if (unit) {
      const within = BigInt(t.offset - unit.start);
      const original = diff.pairs.get(unit);
      if (isIncluded(diff, unit)) {
        return `${refName(placeUnit(diff, unit))}${signed2(within)}`;
      }
      if (unit.kind === "function") {
        if (original && !isColdPart(unit)) return `${quote(original.xenName)}${signed2(within)}`;
        include(diff, unit);
        added.push(unit.xenName);
        return `${refName(placeUnit(diff, unit, unit.xenName))}${signed2(within)}`;
      }
      if (original && (isWritable(unit.section) || model.digest(unit) === diff.original.digest(original))) {
        return `${quote(original.xenName)}${signed2(within)}`;
      }
      if (!placed.has(`${idOf2(diff)}:unit:${unit.symbol.index}`)) {
        notes.push(
          `${unit.xenName}: ${original ? "changed constant" : "new data"} copied into the payload`
        );
      }
      return `${placeUnit(diff, unit)}${signed2(within)}`;
    }
    if (isCode(t.section) || !isWritable(t.section) || !diff.original.elf.sectionNamed(t.section.name)) {
      const keepName = SUPPORT_CODE_SECTIONS.has(t.section.name) ? t.section.name : void 0;
      return `${placeSection(diff, t.section, keepName)}${signed2(BigInt(t.offset))}`;
    }
    refusals.push(
      `${model.file}: a changed function uses anonymous writable data in ${t.section.name}, which cannot be shared with the hypervisor's copy by name`
    );
    return "0";
  }
}
function refName(name) {
  return name.startsWith(".L") ? name : quote(name);
}
function sectionPrefix(section) {
  if (isCode(section)) return ".text";
  if (section.type === SHT_NOBITS) return ".bss";
  return isWritable(section) ? ".data" : ".rodata";
}
function sectionFlags(section) {
  return `a${section.flags & SHF_WRITE ? "w" : ""}${isCode(section) ? "x" : ""}`;
}
function blockLines(b) {
  const lines = [
    `	.section ${quote(b.section)},"${b.flags}",${b.nobits ? "@nobits" : "@progbits"}`,
    `	.balign ${b.align}`
  ];
  if (b.symbol) lines.push(`	.type ${quote(b.symbol.name)},@${b.symbol.type}`);
  lines.push(`${b.label}:`);
  if (b.nobits) lines.push(`	.skip ${b.bytes.length}`);
  else {
    for (let i2 = 0; i2 < b.bytes.length; i2 += 16) {
      lines.push(
        `	.byte ${[...b.bytes.subarray(i2, i2 + 16)].map((x) => `0x${x.toString(16)}`).join(",")}`
      );
    }
  }
  if (b.symbol) lines.push(`	.size ${quote(b.symbol.name)},${b.symbol.size}`);
  for (const r of b.relocs) lines.push(`	.reloc ${b.label}+${r.offset},${r.type},${r.target}`);
  return lines;
}
function funcsLines(entries) {
  if (entries.length === 0) return [];
  const lines = [`	.section ".rodata.xlci.names","a",@progbits`];
  entries.forEach((e, i2) => lines.push(`.Lxlci_name${i2}:`, `	.asciz ${quote(e.name)}`));
  lines.push(`	.section ${quote(SECTION.funcs)},"aw",@progbits`, "	.balign 8");
  entries.forEach((e, i2) => {
    lines.push(
      `	.quad .Lxlci_name${i2}`,
      `	.quad ${quote(e.symbol)}`,
      "	.quad 0 /* old_addr: the hypervisor looks the name up */",
      `	.long ${e.size}`,
      "	.long 0 /* old_size: filled in from xen-syms */",
      `	.byte ${LIVEPATCH_PAYLOAD_VERSION}`,
      `	.skip ${LIVEPATCH_FUNC_SIZE - 33}`
    );
  });
  return lines;
}

// src/patch/series.ts
import { createHash as createHash8 } from "node:crypto";
import { readFile as readFile11, stat as stat5 } from "node:fs/promises";
import { basename as basename4, dirname as dirname4, resolve as resolve6 } from "node:path";
var INPUT2 = "patches";
var MAX_PATCH_BYTES = 1024 * 1024;
function patchPayloadName(path10) {
  const name = basename4(path10).replace(/\.(patch|diff)$/, "").replace(/[^A-Za-z0-9_-]/g, "_").slice(0, LIVEPATCH_NAME_SIZE - 1);
  if (!/[A-Za-z0-9]/.test(name)) {
    throw new ConfigurationError(INPUT2, `${path10}: the file name gives no usable payload name`);
  }
  return name;
}
function parsePatch(path10, text) {
  const fail = (line, problem) => {
    throw new ConfigurationError(INPUT2, `${path10}:${line}: ${problem}`);
  };
  const files = [];
  const lines = text.split("\n");
  let current;
  for (const [i2, line] of lines.entries()) {
    const n2 = i2 + 1;
    if (line.startsWith("GIT binary patch") || /^Binary files .* differ$/.test(line)) {
      fail(
        n2,
        "binary changes cannot be built into a livepatch; the patch must change only source text"
      );
    }
    const mode = /^(?:new file mode|deleted file mode|old mode|new mode) (\d+)$/.exec(line);
    if (mode && mode[1] === "120000") fail(n2, "the patch adds, removes or changes a symbolic link");
    if (/^(?:rename|copy) (?:from|to) /.test(line)) {
      fail(n2, "the patch renames or copies a file; a livepatch patch changes file contents only");
    }
    if (line.startsWith("+++ ")) {
      const target = checkedPath(
        lines[i2 - 1]?.startsWith("--- ") ? lines[i2 - 1].slice(4) : "",
        line.slice(4),
        n2
      );
      current = { path: target, hunks: [] };
      files.push(current);
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (hunk) {
      if (!current) fail(n2, "a hunk before any +++ file header");
      current.hunks.push({ header: hunk[0], oldStart: Number(hunk[1]), line: n2 });
    }
  }
  if (files.length === 0 || files.every((f) => f.hunks.length === 0)) {
    throw new ConfigurationError(
      INPUT2,
      `${path10}: no unified diff hunks found; give a patch made by git format-patch or diff -u`
    );
  }
  return {
    path: path10,
    name: patchPayloadName(path10),
    sha256: createHash8("sha256").update(text).digest("hex"),
    files
  };
  function checkedPath(oldHeader, newHeader, n2) {
    const strip = (header2) => header2.split("	")[0].trim();
    const paths = [strip(oldHeader), strip(newHeader)].filter((p) => p && p !== "/dev/null");
    if (paths.length === 0) fail(n2, "a file header without a path");
    let inTree = "";
    for (const p of paths) {
      if (p.startsWith("/"))
        fail(n2, `${p} is an absolute path; use paths relative to the tree (a/xen/...)`);
      const rel = p.split("/").slice(1).join("/");
      if (rel.split("/").some((part) => part === "..")) fail(n2, `${p} leaves the tree`);
      if (!rel.startsWith("xen/")) {
        fail(
          n2,
          `${p} is outside xen/: a livepatch changes only the hypervisor (tools and docs belong in another patch)`
        );
      }
      inTree = rel;
    }
    return inTree;
  }
}
async function readPatch(path10) {
  const full = resolve6(path10);
  const info = await stat5(full).catch((err) => {
    throw new ConfigurationError(
      INPUT2,
      `${path10}: cannot read the patch: ${err.message}`,
      { cause: err }
    );
  });
  if (!info.isFile()) throw new ConfigurationError(INPUT2, `${path10} is not a file`);
  if (info.size > MAX_PATCH_BYTES) {
    throw new ConfigurationError(
      INPUT2,
      `${path10} is ${info.size} bytes, more than the ${MAX_PATCH_BYTES} a livepatch patch may be; split it or build a new hypervisor`
    );
  }
  return parsePatch(full, await readFile11(full, "latin1"));
}
function payloadNameClash(patches) {
  const names = /* @__PURE__ */ new Set();
  for (const p of patches) {
    if (names.has(p.name))
      return new ConfigurationError(INPUT2, `two patches give the payload name ${p.name}`);
    names.add(p.name);
  }
  return void 0;
}
async function applyPatch(patch, tree, logFile) {
  const args = ["apply", "-p1", "--whitespace=nowarn"];
  const run = (extra) => runCommand("git", [...args, ...extra, patch.path], {
    cwd: tree,
    // Not a repository: git must not find one above the tree and apply relative to it.
    env: { GIT_CEILING_DIRECTORIES: dirname4(tree) },
    ...logFile ? { logFile } : {}
  });
  try {
    await run(["--check"]);
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    throw new ConfigurationError(INPUT2, applyFailure(patch, err.stderr), { cause: err });
  }
  await run([]);
}
function applyFailure(patch, stderr) {
  const failed = /patch failed: (.+):(\d+)/.exec(stderr);
  const detail = stderr.trim().split("\n").slice(0, 4).join("\n");
  if (failed) {
    const [, file, at2] = failed;
    const filePatch = patch.files.find((f) => f.path === file);
    const index = filePatch?.hunks.findIndex((h2) => h2.oldStart === Number(at2)) ?? -1;
    if (filePatch && index >= 0) {
      const hunk = filePatch.hunks[index];
      return `${patch.path}:${hunk.line}: hunk ${index + 1} of ${file} (${hunk.header}) does not apply to the base tree; rebase the patch onto the Xen source given in xen-source
${detail}`;
    }
  }
  return `${patch.path} does not apply to the base tree; rebase it onto the Xen source given in xen-source
${detail}`;
}

// src/patch/build.ts
var AGGREGATES = /* @__PURE__ */ new Set(["built_in.o", "prelink.o"]);
async function buildPatchPayloads(opts) {
  if (opts.patches.length === 0) return [];
  const patches = [];
  for (const p of opts.patches) patches.push(await readPatch(p));
  const clash = payloadNameClash(patches);
  if (clash) throw clash;
  const logFile = opts.logFile;
  const started = performance.now();
  const log = async (line) => {
    const seconds2 = ((performance.now() - started) / 1e3).toFixed(1);
    if (logFile) await writeFile6(logFile, `# [${seconds2} s] ${line}
`, { flag: "a" });
  };
  const steps = opts.mode === "cumulative" ? [{ name: cumulativeName(patches), apply: patches, fresh: true }] : patches.map((p, i2) => ({
    name: p.name,
    apply: [p],
    fresh: opts.mode === "independent" || i2 === 0
  }));
  const work = await mkdtemp3(join9(tmpdir3(), "xlci-patch-"));
  const generated = [];
  try {
    const tree = join9(work, "tree");
    const make = await xenRebuildInvocation(
      opts.baseOptions,
      tree,
      logFile ?? join9(opts.sourcesDir, "build.log")
    );
    let before = /* @__PURE__ */ new Map();
    for (const step of steps) {
      if (step.fresh) {
        await rm6(tree, { recursive: true, force: true });
        await mkdir6(tree, { recursive: true });
        await copyHypervisorTree(opts.base.tree, tree, logFile);
        before = await objectContents(tree);
      }
      for (const p of step.apply) {
        await log(`applying ${p.path}`);
        await applyPatch(p, tree, logFile);
      }
      await log(`${step.name}: rebuilding the hypervisor incrementally`);
      await rebuild(tree, step.apply, make, logFile);
      const after = await objectContents(tree);
      const diffs = changedObjects(before, after);
      before = after;
      await log(
        `${step.name}: ${diffs.length} object(s) recompiled differently: ${diffs.map((d) => d.patched.file).join(", ")}`
      );
      let source;
      try {
        source = emitPayloadSource(diffs);
      } catch (err) {
        if (!(err instanceof PatchRefusal)) throw err;
        const list = step.apply.map((p) => p.path).join(", ");
        throw new ConfigurationError(
          "patches",
          `${list} cannot be built into a livepatch:
${err.reasons.map((r) => `  - ${r}`).join("\n")}`,
          { cause: err }
        );
      }
      const dir = join9(opts.sourcesDir, step.name);
      await rm6(dir, { recursive: true, force: true });
      await mkdir6(dir, { recursive: true });
      await writeFile6(join9(dir, `${step.name}.S`), source.text);
      for (const p of step.apply) await copyFile2(p.path, join9(dir, `${p.name}.patch`));
      for (const f of source.functions) await log(`${step.name}: ${f.name}: ${f.why}`);
      generated.push({ dir, step, source });
    }
  } finally {
    await rm6(work, { recursive: true, force: true });
  }
  await log("assembling and linking the payloads");
  const built = await buildSourcePayloads({
    base: opts.base,
    source: opts.source,
    sourceDirs: generated.map((g) => g.dir),
    stackMode: opts.mode === "independent" ? "independent" : "stacked",
    // A cumulative payload replaces a live stack, whose jumps are where its expectations
    // of the original code would be checked: Xen would refuse the replace.
    expectations: opts.mode === "cumulative" ? "none" : opts.expectations,
    ...opts.metadata ? { metadata: opts.metadata } : {},
    outDir: opts.outDir,
    ...logFile ? { logFile } : {}
  });
  return built.map((payload, i2) => {
    const g = generated[i2];
    return {
      ...payload,
      patches: g.step.apply.map((p) => ({ path: p.path, sha256: p.sha256 })),
      functions: g.source.functions,
      added: g.source.added,
      notes: [
        ...g.source.functions.map((f) => `${f.name}: ${f.why}`),
        ...g.source.notes,
        ...payload.notes
      ]
    };
  });
}
function cumulativeName(patches) {
  return patches.length === 1 ? patches[0].name : `${patches[patches.length - 1].name}-cumulative`.slice(0, LIVEPATCH_NAME_SIZE - 1);
}
async function objectContents(tree) {
  const xen = join9(tree, "xen");
  const found = /* @__PURE__ */ new Map();
  for (const entry of await readdir5(xen, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".o") || AGGREGATES.has(entry.name)) continue;
    const path10 = join9(entry.parentPath, entry.name);
    found.set(relative4(tree, path10), await readFile12(path10));
  }
  return found;
}
async function rebuild(tree, patches, make, logFile) {
  try {
    await runCommand(make.cmd, make.args, {
      cwd: tree,
      env: { ...make.env, MAKEFLAGS: void 0, MAKELEVEL: void 0 },
      ...logFile ? { logFile } : {}
    });
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const diagnostics = parseCompilerDiagnostics(`${err.stderr}
${err.stdout}`).map((d) => ({
      ...d,
      file: d.file.startsWith("/") ? relative4(tree, d.file) : `xen/${d.file.replace(/^\.\//, "")}`
    }));
    const detail = diagnostics.length > 0 ? diagnostics.map(formatDiagnostic).join("\n") : err.message;
    throw new PayloadCompileError(
      diagnostics,
      `the hypervisor does not build with ${patches.map((p) => p.path).join(", ")} applied:
${detail}`,
      { cause: err, input: "patches" }
    );
  }
}
function changedObjects(before, after) {
  const diffs = [];
  for (const [path10, bytes] of after) {
    const old = before.get(path10);
    if (old && old.equals(bytes)) continue;
    if (after.has(path10.replace(/\.o$/, ".init.o"))) continue;
    if (path10.endsWith(".init.o")) {
      diffs.push(initOnly(path10, bytes, old));
      continue;
    }
    let patched;
    let original;
    try {
      patched = new ObjectModel(path10, new Uint8Array(bytes));
      original = new ObjectModel(path10, new Uint8Array(old ?? emptyObject()));
    } catch (err) {
      if (!(err instanceof ElfFormatError)) throw err;
      throw new ConfigurationError(
        "patches",
        `${path10} changed, but it is not an x86-64 object of the running hypervisor (${err.message}): boot code cannot be livepatched`,
        { cause: err }
      );
    }
    diffs.push(diffObjects(original, patched));
  }
  return diffs.sort((a2, b) => a2.patched.file.localeCompare(b.patched.file));
  function initOnly(path10, bytes, old) {
    const model = new ObjectModel(path10, new Uint8Array(bytes));
    return {
      ...diffObjects(new ObjectModel(path10, new Uint8Array(old ?? bytes)), model),
      changed: [],
      added: [],
      hooks: [],
      refusals: [
        `${path10}: the file is init-only code (it is linked as .init), which ran at boot and is gone; a livepatch cannot change it`
      ]
    };
  }
}
function emptyObject() {
  const b = Buffer.alloc(64 + 64);
  b.set([127, 69, 76, 70, 2, 1, 1], 0);
  b.writeUInt16LE(1, 16);
  b.writeUInt16LE(62, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(64n, 40);
  b.writeUInt16LE(64, 52);
  b.writeUInt16LE(64, 58);
  b.writeUInt16LE(1, 60);
  return b;
}

// src/scenario/format.ts
var import_yaml = __toESM(require_dist(), 1);
var PAYLOAD_ACTIONS = ["upload", "apply", "revert", "replace", "unload"];
var ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  E2BIG: 7,
  ENOEXEC: 8,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  EBUSY: 16,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ENOSPC: 28,
  ERANGE: 34,
  ENOSYS: 38,
  ENODATA: 61,
  EOVERFLOW: 75,
  EILSEQ: 84,
  EOPNOTSUPP: 95,
  ETIMEDOUT: 110
};
function errnoName(n2) {
  return Object.entries(ERRNO).find(([, v]) => v === n2)?.[0];
}
function formatErrno(e) {
  return e.name ? `${e.name} (${e.number})` : String(e.number);
}
var PAYLOAD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
var MAX_PAYLOAD_NAME = 127;
function isPayloadName(name) {
  return name.length <= MAX_PAYLOAD_NAME && PAYLOAD_NAME.test(name);
}
var TOP_KEYS = ["name", "description", "payloads", "steps"];
var STEP_KEYS = [
  ...PAYLOAD_ACTIONS,
  "run",
  "list",
  "name",
  "nodeps",
  "expect",
  "refusal",
  "errno",
  "check",
  "output",
  "console"
];
var OUTPUT_KEYS = ["contains", "equals", "matches", "lacks"];
var LIST_ENTRY_KEYS = ["state", "metadata", "errno"];
var Problems = class {
  list = [];
  add(line, message) {
    this.list.push({ line, message });
  }
};
function parseScenario(text, file) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = new Problems();
  const lineOf = (node) => {
    const range = node?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const fail = () => new ConfigurationError(
    "scenario",
    problems.list.sort((a2, b) => a2.line - b.line).map((p) => `${file}:${p.line}: ${p.message}`).join("\n")
  );
  for (const err of doc.errors) {
    problems.add(lineCounter.linePos(err.pos[0]).line, yamlMessage(err.message));
  }
  if (problems.list.length) throw fail();
  const root = doc.contents;
  if (!(0, import_yaml.isMap)(root)) {
    problems.add(
      lineOf(root),
      "a scenario is a mapping with `name`, `payloads` and `steps` (see docs/scenarios.md)"
    );
    throw fail();
  }
  const v = new Validator(problems, lineOf);
  const top = v.keys(root, TOP_KEYS, "at the top level");
  const name = top.name ? v.string(top.name.value, "name") : void 0;
  const description = top.description ? v.string(top.description.value, "description") : void 0;
  const payloads = {};
  if (!top.payloads) {
    problems.add(lineOf(root), "`payloads` is missing (a mapping of names to payload files)");
  } else if ((0, import_yaml.isMap)(top.payloads.value)) {
    for (const pair of top.payloads.value.items) {
      const key = v.key(pair);
      if (key === void 0) continue;
      if (!isPayloadName(key)) {
        problems.add(
          lineOf(pair.key),
          `payload name "${key}" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most ${MAX_PAYLOAD_NAME} characters)`
        );
        continue;
      }
      const f = v.string(pair.value, `the file of payload "${key}"`, lineOf(pair.key));
      if (f !== void 0) payloads[key] = { file: f, line: lineOf(pair.key) };
    }
  } else if (top.payloads.value !== null && !isEmptyScalar(top.payloads.value)) {
    problems.add(lineOf(top.payloads.value), "`payloads` must map names to payload files");
  }
  const steps = [];
  const stepsNode = top.steps?.value;
  if (!top.steps) {
    problems.add(lineOf(root), "`steps` is missing (a list of steps)");
  } else if (!(0, import_yaml.isSeq)(stepsNode) || stepsNode.items.length === 0) {
    problems.add(lineOf(stepsNode ?? top.steps.key), "`steps` must be a non-empty list of steps");
  } else {
    stepsNode.items.forEach((item, i2) => {
      const step = v.step(item, i2 + 1, payloads);
      if (step) steps.push(step);
    });
  }
  if (problems.list.length) throw fail();
  return {
    name: name ?? file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""),
    ...description !== void 0 ? { description } : {},
    file,
    source: text,
    payloads,
    steps
  };
}
function yamlMessage(message) {
  return `YAML: ${message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`;
}
function isEmptyScalar(node) {
  return (0, import_yaml.isScalar)(node) && (node.value === null || node.value === "");
}
var Validator = class {
  constructor(problems, lineOf) {
    this.problems = problems;
    this.lineOf = lineOf;
  }
  problems;
  lineOf;
  add(node, message, line) {
    this.problems.add(line ?? this.lineOf(node), message);
  }
  key(pair) {
    if ((0, import_yaml.isScalar)(pair.key) && typeof pair.key.value === "string") return pair.key.value;
    if ((0, import_yaml.isScalar)(pair.key) && typeof pair.key.value === "number") return String(pair.key.value);
    this.add(pair.key, "keys must be plain names");
    return void 0;
  }
  /** The pairs of a mapping by key, reporting keys outside `allowed`. */
  keys(map, allowed, where) {
    const out = {};
    for (const pair of map.items) {
      const key = this.key(pair);
      if (key === void 0) continue;
      if (!allowed.includes(key)) {
        const hint = closest(key, allowed);
        this.add(
          pair.key,
          `unknown key "${key}" ${where}${hint ? ` (did you mean "${hint}"?)` : ""}; allowed: ${allowed.join(", ")}`
        );
        continue;
      }
      out[key] = pair;
    }
    return out;
  }
  /** A non-empty string (numbers and booleans written in YAML are taken as their text). */
  string(node, what2, line) {
    const value = (0, import_yaml.isScalar)(node) ? node.value : void 0;
    const s = typeof value === "string" ? value : (typeof value === "number" || typeof value === "boolean") && (0, import_yaml.isScalar)(node) ? node.source ?? String(value) : void 0;
    if (s !== void 0 && s.trim() !== "") return s;
    this.add(node, `${what2} must be a non-empty text`, node ? void 0 : line);
    return void 0;
  }
  /** One string or a list of strings. */
  strings(node, what2, line) {
    if ((0, import_yaml.isSeq)(node)) {
      return node.items.flatMap((item) => {
        const s2 = this.string(item, `each entry of ${what2}`, line);
        return s2 === void 0 ? [] : [s2];
      });
    }
    const s = this.string(node, what2, line);
    return s === void 0 ? [] : [s];
  }
  regex(source, node, what2) {
    try {
      new RegExp(source, "m");
      return true;
    } catch (err) {
      this.add(node, `${what2}: ${err.message}`);
      return false;
    }
  }
  errno(node, line) {
    const raw = (0, import_yaml.isScalar)(node) ? node.value : void 0;
    const value = typeof raw === "string" || typeof raw === "number" ? String(raw).trim().toUpperCase() : "";
    const number = ERRNO[value] ?? (/^[1-9]\d*$/.test(value) ? Number(value) : void 0);
    if (number !== void 0) {
      const name = errnoName(number);
      return name ? { name, number } : { number };
    }
    this.add(
      node,
      `errno must be a positive number or one of ${Object.keys(ERRNO).join(", ")}`,
      node ? void 0 : line
    );
    return void 0;
  }
  payloadRef(node, action, payloads) {
    const name = this.string(node, `\`${action}\` names a payload and`);
    if (name === void 0) return void 0;
    if (!Object.hasOwn(payloads, name)) {
      const known = Object.keys(payloads);
      this.add(
        node,
        `\`${action}: ${name}\`: no payload "${name}" in \`payloads\`` + (known.length ? ` (there: ${known.join(", ")})` : "")
      );
      return void 0;
    }
    return name;
  }
  step(node, index, payloads) {
    const line = this.lineOf(node);
    if (!(0, import_yaml.isMap)(node)) {
      this.add(
        node,
        `step ${index} must be a mapping such as \`- apply: NAME\` (actions: ${[...PAYLOAD_ACTIONS, "run", "list"].join(", ")})`
      );
      return void 0;
    }
    const before = this.problems.list.length;
    const k = this.keys(node, STEP_KEYS, `in step ${index}`);
    const actionKeys = [...PAYLOAD_ACTIONS, "run"].filter((a2) => k[a2]);
    let action;
    if (actionKeys.length > 1) {
      this.add(
        node,
        `step ${index} has more than one action (${actionKeys.join(", ")}); give each its own step`
      );
    } else if (actionKeys.length === 1) {
      const kind = actionKeys[0];
      const pair = k[kind];
      if (kind === "run") {
        const command = this.string(pair.value, "`run` takes a shell command, which", line);
        if (command !== void 0) action = { kind: "run", command };
      } else {
        const payload = this.payloadRef(pair.value, kind, payloads);
        if (payload !== void 0) action = { kind, payload };
      }
    } else if (k.list) {
      action = { kind: "list" };
    } else {
      this.add(
        node,
        `step ${index} has no action: give one of ${[...PAYLOAD_ACTIONS, "run", "list"].join(", ")}`
      );
    }
    if (k.nodeps) {
      const value = k.nodeps.value;
      if (!(0, import_yaml.isScalar)(value) || typeof value.value !== "boolean") {
        this.add(value ?? k.nodeps.key, "`nodeps` is true or false");
      } else if (actionKeys[0] !== "apply") {
        this.add(
          k.nodeps.key,
          "`nodeps` belongs to an `apply` step (xen-livepatch apply NAME --nodeps)"
        );
      } else if (action?.kind === "apply" && value.value) {
        action.nodeps = true;
      }
    }
    let expect = "success";
    if (k.expect) {
      const value = this.string(k.expect.value, "`expect`", this.lineOf(k.expect.key));
      if (value === "success" || value === "refused") expect = value;
      else if (value !== void 0) {
        this.add(k.expect.value, `\`expect\` is "success" or "refused", not "${value}"`);
      }
    }
    const refusalOnly = (key) => {
      if (k[key] && expect !== "refused") {
        this.add(
          k[key].key,
          `\`${key}\` describes a refusal: add \`expect: refused\` to this step`
        );
      }
    };
    refusalOnly("refusal");
    refusalOnly("errno");
    const refusal = k.refusal ? this.string(k.refusal.value, "`refusal`", this.lineOf(k.refusal.key)) : void 0;
    const errno = k.errno ? this.errno(k.errno.value, this.lineOf(k.errno.key)) : void 0;
    const check = k.check ? this.string(k.check.value, "`check` (a shell command)", this.lineOf(k.check.key)) : void 0;
    const output = k.output ? this.output(k.output) : void 0;
    const console2 = k.console ? this.console(k.console) : [];
    const list = k.list ? this.list(k.list, payloads) : void 0;
    const name = k.name ? this.string(k.name.value, "`name`", this.lineOf(k.name.key)) : action && defaultStepName(action);
    if (this.problems.list.length > before || !action) return void 0;
    return {
      index,
      line,
      name: name ?? `step ${index}`,
      action,
      expect,
      ...refusal !== void 0 ? { refusal } : {},
      ...errno !== void 0 ? { errno } : {},
      ...check !== void 0 ? { check } : {},
      ...output !== void 0 ? { output } : {},
      console: console2,
      ...list !== void 0 ? { list } : {}
    };
  }
  output(pair) {
    const node = pair.value;
    const line = this.lineOf(pair.key);
    if (!(0, import_yaml.isMap)(node)) {
      this.add(
        node ?? pair.key,
        "`output` is a mapping of checks: contains, equals, matches, lacks"
      );
      return void 0;
    }
    const k = this.keys(node, OUTPUT_KEYS, "in `output`");
    const out = { contains: [], matches: [], lacks: [] };
    if (k.contains) out.contains = this.strings(k.contains.value, "`contains`", line);
    if (k.lacks) out.lacks = this.strings(k.lacks.value, "`lacks`", line);
    if (k.matches) {
      out.matches = this.strings(k.matches.value, "`matches`", line).filter(
        (re) => this.regex(re, k.matches.value, "`matches` is not a valid regular expression")
      );
    }
    if (k.equals) {
      const value = k.equals.value;
      if ((0, import_yaml.isScalar)(value) && (value.value === "" || value.value === null)) out.equals = "";
      else out.equals = this.string(value, "`equals`", line);
    }
    if (!k.contains && !k.lacks && !k.matches && !k.equals) {
      this.add(pair.key, "`output` has no check: give contains, equals, matches or lacks");
    }
    return out;
  }
  console(pair) {
    const node = pair.value;
    const items = (0, import_yaml.isSeq)(node) ? node.items : [node];
    const out = [];
    for (const item of items) {
      if ((0, import_yaml.isMap)(item)) {
        const k = this.keys(item, ["matches"], "in a `console` entry");
        if (!k.matches) {
          this.add(item, "a `console` entry is a text, or `{ matches: REGEX }`");
          continue;
        }
        const re = this.string(k.matches.value, "`matches`", this.lineOf(k.matches.key));
        if (re !== void 0 && this.regex(re, k.matches.value, "not a valid regular expression")) {
          out.push({ text: re, regex: true });
        }
        continue;
      }
      const text = this.string(
        item,
        "each `console` entry (a text of an expected Xen console line)",
        this.lineOf(pair.key)
      );
      if (text !== void 0) out.push({ text, regex: false });
    }
    return out;
  }
  list(pair, payloads) {
    const node = pair.value;
    if (node === null || isEmptyScalar(node)) return [];
    if (!(0, import_yaml.isMap)(node)) {
      this.add(
        node,
        "`list` maps payload names to a state (CHECKED, APPLIED, absent) or to { state, metadata, errno }"
      );
      return void 0;
    }
    const out = [];
    for (const entry of node.items) {
      const payload = this.key(entry);
      if (payload === void 0) continue;
      if (!Object.hasOwn(payloads, payload)) {
        this.add(entry.key, `\`list\`: no payload "${payload}" in \`payloads\``);
        continue;
      }
      const value = entry.value;
      if ((0, import_yaml.isMap)(value)) {
        const k = this.keys(value, LIST_ENTRY_KEYS, `in \`list\` for "${payload}"`);
        const line = this.lineOf(entry.key);
        const state = k.state ? this.state(k.state.value) : void 0;
        if (!k.state) this.add(entry.key, `\`list\` for "${payload}": \`state\` is missing`);
        const metadata = k.metadata ? this.strings(k.metadata.value, "`metadata`", line) : [];
        const errno = k.errno ? this.errno(k.errno.value, line) : void 0;
        if (state === "absent" && (metadata.length || errno)) {
          this.add(
            entry.key,
            `\`list\` for "${payload}": an absent payload has no metadata or errno`
          );
        }
        if (state) out.push({ payload, state, metadata, ...errno ? { errno } : {} });
      } else {
        const state = this.state(value ?? entry.key);
        if (state) out.push({ payload, state, metadata: [] });
      }
    }
    return out;
  }
  state(node) {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "string") {
      const v = node.value.trim();
      if (/^(checked|applied)$/i.test(v)) return v.toUpperCase();
      if (/^absent$/i.test(v)) return "absent";
    }
    this.add(node, "a `list` state is CHECKED, APPLIED or absent");
    return void 0;
  }
};
function defaultStepName(action) {
  switch (action.kind) {
    case "run":
      return `run: ${action.command}`;
    case "list":
      return "list";
    default:
      return `${action.kind} ${action.payload}${action.nodeps ? " --nodeps" : ""}`;
  }
}
function closest(word, allowed) {
  let best;
  for (const candidate of allowed) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d <= 2 && (!best || d < best.d)) best = { word: candidate, d };
  }
  return best?.word;
}
function editDistance(a2, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a2.length; i2++) {
    const row = [i2];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a2[i2 - 1] === b[j - 1] ? 0 : 1)
      );
    }
    prev = row;
  }
  return prev[b.length];
}

// src/scenario/builtin.ts
var import_yaml2 = __toESM(require_dist(), 1);
var EXTRA_VERSION = "cat /sys/hypervisor/version/extra";
function isReappliable(payload) {
  const writable = payload.elf.sections.filter(
    (s) => (s.flags & SHF_ALLOC) !== 0 && (s.flags & SHF_EXECINSTR) === 0 && (s.flags & SHF_WRITE) !== 0 && s.size > 0
  );
  return writable.length === 0 || writable.length === 1 && writable[0].name === ".livepatch.funcs";
}
var VETOING_HOOKS = [
  ".livepatch.hooks.preapply",
  ".livepatch.hooks.postapply",
  ".livepatch.hooks.prerevert",
  ".livepatch.hooks.postrevert"
];
function describeStack(payloads) {
  const out = [];
  const used = /* @__PURE__ */ new Set();
  for (const p of payloads) {
    const name = uniqueName(p.name, used);
    const depends = p.depends;
    const dependsOn = depends.status === "ok" ? depends.id : void 0;
    const earlier = out.find((_, i2) => {
      const id = payloads[i2].buildId;
      return id.status === "ok" && id.id === dependsOn;
    });
    const modinfo = p.modinfo()?.entries ?? [];
    out.push({
      name,
      file: p.file,
      ...earlier ? { stackedOn: earlier.name } : {},
      reappliable: isReappliable(p),
      vetoingHooks: p.elf.sections.some((s) => VETOING_HOOKS.includes(s.name) && s.size > 0),
      metadata: modinfo.map((e) => e.wellFormed ? `${e.key}=${e.value}` : e.key)
    });
  }
  return out;
}
function uniqueName(wanted, used) {
  const base = wanted.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[.-]/, "_").slice(0, MAX_PAYLOAD_NAME - 4) || "payload";
  let name = base;
  for (let i2 = 2; used.has(name); i2++) name = `${base}-${i2}`;
  used.add(name);
  return name;
}
function defaultScenario(payloads, opts = {}) {
  if (payloads.length === 0) {
    throw new ConfigurationError("scenario", "the default scenario needs at least one payload");
  }
  for (const p of payloads) {
    if (!isPayloadName(p.name)) {
      throw new ConfigurationError("scenario", `"${p.name}" is not usable as a payload ID`);
    }
  }
  const steps = [];
  const comments = /* @__PURE__ */ new Map();
  const phase = (comment) => {
    const before = comments.get(steps.length);
    comments.set(steps.length, before ? `${before}
${comment}` : comment);
  };
  const byName = new Map(payloads.map((p) => [p.name, p]));
  const last = payloads.at(-1);
  let applied = [];
  const listOf = (state) => Object.fromEntries(
    payloads.map((p) => {
      const s = state(p);
      return [
        p.name,
        s !== "absent" && p.metadata.length ? { state: s, metadata: p.metadata } : s
      ];
    })
  );
  const apply = (p, extra = {}) => {
    const top = applied.at(-1);
    const nodeps = p.stackedOn ? top !== p.stackedOn : top !== void 0;
    steps.push({
      apply: p.name,
      ...nodeps ? { nodeps: true } : {},
      console: [`${p.name} finished APPLY with rc=0`],
      ...extra
    });
    applied.push(p.name);
  };
  const revertAll = (extra = {}) => {
    for (const name of [...applied].reverse()) {
      steps.push({ revert: name, console: [`${name} finished REVERT with rc=0`] });
    }
    if (applied.length && Object.keys(extra).length) Object.assign(steps.at(-1), extra);
    applied = [];
  };
  phase("Upload the stack in order.");
  for (const p of payloads) steps.push({ upload: p.name });
  steps.at(-1).list = listOf(() => "CHECKED");
  phase("Apply each, in stack order.");
  for (const p of payloads) apply(p);
  steps.at(-1).list = listOf(() => "APPLIED");
  if (opts.checks?.length) {
    phase("The user's checks, with the whole stack applied.");
    for (const c3 of opts.checks) {
      steps.push({
        run: c3.command,
        ...c3.name ? { name: c3.name } : {},
        ...c3.output ? { output: c3.output } : {}
      });
    }
  }
  phase("Revert in reverse order.");
  revertAll({ list: listOf(() => "CHECKED") });
  const again = payloads.slice(0, -1).filter((p) => p.reappliable).filter((p, _, ok) => !p.stackedOn || ok.some((q) => q.name === p.stackedOn));
  const skipped = payloads.slice(0, -1).filter((p) => !again.includes(p));
  phase(
    "Apply again where Xen allows it" + (skipped.length ? ` (not ${skipped.map((p) => p.name).join(", ")}: Xen refuses to re-apply a payload with .data, and what is stacked on it).` : ".")
  );
  for (const p of again) apply(p);
  const replaceStep = { replace: last.name };
  if (last.stackedOn) {
    phase(
      `Replace with the last payload: refused, ${last.name} depends on ${last.stackedOn} and REPLACE checks against the hypervisor's build-id.`
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: `${last.name}: check against hypervisor build-id failed`,
      errno: "EINVAL"
    });
    steps.push(replaceStep);
  } else if (last.vetoingHooks || applied.some((n2) => byName.get(n2).vetoingHooks)) {
    phase(
      "Replace with the last payload: refused, Xen does not replace with or over vetoing hooks."
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: "REPLACE action is not supported on livepatches with vetoing hooks!",
      errno: "EOPNOTSUPP"
    });
    steps.push(replaceStep);
  } else {
    phase(
      `Replace with the last payload${last.reappliable ? "" : ` (unloaded and uploaded again first: ${last.name} has .data, which its revert left used)`}.`
    );
    if (!last.reappliable) steps.push({ unload: last.name }, { upload: last.name });
    Object.assign(replaceStep, {
      console: [`${last.name} finished REPLACE with rc=0`],
      list: listOf((p) => p === last ? "APPLIED" : "CHECKED")
    });
    steps.push(replaceStep);
    applied = [last.name];
  }
  phase("Revert what is applied, then unload all.");
  revertAll();
  for (const p of payloads) steps.push({ unload: p.name });
  steps.at(-1).list = listOf(() => "absent");
  const doc = new import_yaml2.Document(
    {
      name: opts.name ?? "default",
      description: "The built-in scenario for the payload stack: upload in order, apply each, run the checks, revert in reverse order, apply again where Xen allows it, replace with the last payload, unload all.",
      payloads: Object.fromEntries(payloads.map((p) => [p.name, p.file])),
      steps
    },
    { aliasDuplicateObjects: false }
  );
  const seq = doc.get("steps", true);
  if ((0, import_yaml2.isSeq)(seq)) {
    for (const [i2, comment] of comments) {
      const item = seq.items[i2];
      if (item) item.commentBefore = comment.replace(/^/gm, " ");
    }
  }
  return parseScenario(doc.toString({ lineWidth: 0 }), "builtin:default");
}
function selfTestYaml(noBuildIdRefusal) {
  return `name: self-test
description: >-
  Xen's in-tree livepatch test payloads (xen/test/livepatch): a stacked pair and its
  refusals, replace, --nodeps, hooks (pre/post, action, failing), expectations that match
  and that do not, a payload without the hypervisor's build-id, and the metadata the
  hypervisor shows.
payloads:
  hello: xen_hello_world.livepatch
  bye: xen_bye_world.livepatch
  replace: xen_replace_world.livepatch
  prepost: xen_prepost_hooks.livepatch
  prepost_fail: xen_prepost_hooks_fail.livepatch
  action: xen_action_hooks.livepatch
  marker: xen_action_hooks_marker.livepatch
  noapply: xen_action_hooks_noapply.livepatch
  norevert: xen_action_hooks_norevert.livepatch
  nofunc: xen_action_hooks_nofunc.livepatch
  expectations: xen_expectations.livepatch
  expectations_fail: xen_expectations_fail.livepatch
  no_buildid: xen_no_xen_buildid.livepatch
steps:
  - list:
    name: nothing loaded at first
    output: { contains: Nothing to list }
  - run: ${EXTRA_VERSION}
    name: the extra version before any patch
    output: { lacks: World }

  # --- A stacked pair: bye_world depends on hello_world's build-id. -------------------
  - upload: hello
    # xen-livepatch list: "hello | CHECKED | LIVEPATCH_RULEZ" (hello_world's .modinfo)
    list: { hello: { state: CHECKED, metadata: LIVEPATCH_RULEZ } }
  - upload: bye
  - apply: bye
    name: bye before hello is refused
    # (XEN) livepatch: bye: check against hypervisor build-id failed
    expect: refused
    refusal: "bye: check against hypervisor build-id failed"
    errno: EINVAL
  - apply: hello
    # The load hooks run when the patch goes in, then Xen prints the .modinfo.
    console:
      - "livepatch: hello: Verifying enabled expectations for all functions"
      - "livepatch: hello: Applying 1 functions"
      - "hi_func: Hi! (called 1 times)"
      - "Hook executing."
      - "livepatch: module metadata:"
      - "livepatch:   LIVEPATCH_RULEZ"
      - "livepatch: hello finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
    list: { hello: { state: APPLIED, metadata: LIVEPATCH_RULEZ } }
  - apply: bye
    console: ["livepatch: bye: Applying 1 functions", "livepatch: bye finished APPLY with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Bye World! }
    list: { hello: APPLIED, bye: APPLIED }
  - revert: hello
    name: reverting hello under bye is refused
    # (XEN) livepatch: hello: can't unload. Top is bye    (the tool: Error 16, exit status 2)
    expect: refused
    refusal: "hello: can't unload. Top is bye"
    errno: EBUSY
  - revert: bye
    console: ["livepatch: bye: Reverting", "livepatch: bye finished REVERT with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: hello
    # The unload hooks, in the order the payload lists them.
    console:
      - "livepatch: hello: Reverting"
      - "check_fnc: Hi func called 1 times"
      - "hi_func: Hi! (called 2 times)"
      - "Hook unloaded."
      - "livepatch: hello finished REVERT with rc=0"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - apply: hello
    name: applying hello again after its revert is refused (it has .data)
    # (XEN) livepatch: hello: can't revert as payload has .data. Please unload
    # xen-livepatch list then shows "hello | CHECKED (22, Invalid argument) | LIVEPATCH_RULEZ".
    expect: refused
    refusal: "hello: can't revert as payload has .data. Please unload"
    errno: EINVAL
    list: { hello: { state: CHECKED, errno: EINVAL, metadata: LIVEPATCH_RULEZ } }
  - apply: bye
    name: bye alone with --nodeps (it has no .data, so it applies again)
    nodeps: true
    console: ["livepatch: bye finished APPLY with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Bye World! }

  # --- Replace: revert everything applied, apply the new one. -------------------------
  - upload: replace
  - replace: replace
    console:
      - "livepatch: bye: Reverting"
      - "livepatch: replace: Applying 1 functions"
      - "livepatch: replace finished REPLACE with rc=0"
    check: ${EXTRA_VERSION}
    # "Hello Again World!" cut to the hypervisor's 16-byte extra version.
    output: { equals: Hello Again Wor }
    list: { replace: APPLIED, bye: CHECKED, hello: CHECKED }
  - unload: replace
    name: unloading an applied payload is refused (by the tool)
    # The tool refuses on its own: "replace is in the wrong state. Current state: APPLIED"
    expect: refused
    refusal: "replace is in the wrong state."
  - revert: replace
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - unload: replace
  - unload: bye
  - unload: hello
    list: { hello: absent, bye: absent, replace: absent }

  # --- Pre/post apply/revert hooks; the first revert is vetoed by design. -------------
  - upload: prepost
  - replace: prepost
    name: replace with vetoing hooks is refused
    expect: refused
    refusal: "prepost: REPLACE action is not supported on livepatches with vetoing hooks!"
    errno: EOPNOTSUPP
  - apply: prepost
    console:
      - "livepatch: prepost: Calling pre-apply hook function"
      - "pre_apply_hook: Hook starting."
      - "pre_apply_hook: applying: xen_extra_version"
      - "pre_apply_hook: Hook done."
      - "livepatch: prepost: Applying 1 functions"
      - "livepatch: prepost: Calling post-apply hook function with rc=0"
      - "post_apply_hook: applied: xen_extra_version"
      - "post_apply_hook: Hook done."
      - "livepatch: prepost finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: prepost
    name: the first revert is vetoed by the pre-revert hook
    # (XEN) livepatch: prepost: pre-revert hook failed (rc=-1), aborting!
    expect: refused
    refusal: "prepost: pre-revert hook failed (rc=-1), aborting!"
    errno: EPERM
    console: ["pre_revert_hook: reverting: xen_extra_version", "pre_revert_hook: Hook done."]
    list: { prepost: { state: APPLIED, errno: EPERM } }
  - revert: prepost
    console:
      - "livepatch: prepost: Calling pre-revert hook function"
      - "pre_revert_hook: Hook done."
      - "livepatch: prepost: Reverting"
      - "livepatch: prepost: Calling post-revert hook function with rc=0"
      - "post_revert_hook: reverted: xen_extra_version"
      - "post_revert_hook: Hook done."
      - "livepatch: prepost finished REVERT with rc=0"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - unload: prepost

  # --- A failing pre-apply hook stops the apply before anything is patched. -----------
  - upload: prepost_fail
  - apply: prepost_fail
    expect: refused
    refusal: "prepost_fail: pre-apply hook failed (rc=-22), aborting!"
    errno: EINVAL
    console: ["pre_apply_hook: pre applying: xen_extra_version", "pre_apply_hook: Hook done."]
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { prepost_fail: { state: CHECKED, errno: EINVAL } }
  - unload: prepost_fail

  # --- Action hooks: the apply/revert hooks replace Xen's own patching. ---------------
  - upload: action
  - apply: action
    console:
      - "livepatch: action: Calling apply action hook function"
      - "apply_hook: applying: xen_extra_version"
      - "apply_hook: Hook done."
      - "livepatch: action finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    # The hook only marks the function applied: nothing is patched.
    output: { lacks: World }
    list: { action: APPLIED }
  - revert: action
    console:
      - "livepatch: action: Calling revert action hook function"
      - "revert_hook: reverting: xen_extra_version"
      - "livepatch: action: Calling post-revert hook function with rc=0"
      - "post_revert_hook: reverted: xen_extra_version"
      - "livepatch: action finished REVERT with rc=0"
  - unload: action

  - upload: marker
  - apply: marker
    name: apply marker (hooks see the applied-state marker change)
    console:
      - "pre_apply_hook: pre applied: xen_extra_version"
      - "livepatch: marker: Applying 1 functions"
      - "post_apply_hook: post applied: xen_extra_version"
      - "livepatch: marker finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: marker
    console:
      - "pre_revert_hook: pre reverted: xen_extra_version"
      - "livepatch: marker: Reverting"
      - "post_revert_hook: post reverted: xen_extra_version"
      - "livepatch: marker finished REVERT with rc=0"
  - unload: marker

  - upload: noapply
  - apply: noapply
    name: an apply action hook that fails leaves the payload unapplied
    # The post-apply hook still runs, and is told rc=-22.
    expect: refused
    refusal: "livepatch: noapply finished APPLY with rc=-22"
    errno: EINVAL
    console:
      - "livepatch: noapply: Calling pre-apply hook function"
      - "livepatch: noapply: Calling apply action hook function"
      - "apply_hook: applying: xen_extra_version"
      - "livepatch: noapply: Calling post-apply hook function with rc=-22"
      - "post_apply_hook: post applied: xen_extra_version"
      - "livepatch: noapply finished APPLY with rc=-22"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { noapply: { state: CHECKED, errno: EINVAL } }
  - revert: noapply
    name: reverting what never applied needs no action
    output: { contains: No action needed. }
  - unload: noapply

  - upload: norevert
  - apply: norevert
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: norevert
    name: a revert action hook that fails; the post-revert hook reverts after all
    # Xen's "Reverting" comes from inside the post-revert hook (it calls revert_payload).
    expect: refused
    refusal: "livepatch: norevert finished REVERT with rc=-22"
    errno: EINVAL
    console:
      - "livepatch: norevert: Calling pre-revert hook function"
      - "livepatch: norevert: Calling revert action hook function"
      - "revert_hook: reverting: xen_extra_version"
      - "livepatch: norevert: Calling post-revert hook function with rc=-22"
      - "post_revert_hook: Hook starting."
      - "livepatch: norevert: Reverting"
      - "post_revert_hook: Hook done."
      - "livepatch: norevert finished REVERT with rc=-22"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { norevert: { state: CHECKED, errno: EINVAL } }
  - unload: norevert

  - upload: nofunc
  - apply: nofunc
    name: apply nofunc (action hooks, no functions to patch)
    console:
      - "livepatch: nofunc: Calling apply action hook function"
      - "apply_hook: Hook starting."
      - "apply_hook: Hook done."
      - "livepatch: nofunc finished APPLY with rc=0"
    list: { nofunc: APPLIED }
  - revert: nofunc
    console:
      - "livepatch: nofunc: Calling revert action hook function"
      - "revert_hook: Hook done."
      - "livepatch: nofunc: Calling post-revert hook function with rc=0"
      - "post_revert_hook: Hook done."
      - "livepatch: nofunc finished REVERT with rc=0"
  - unload: nofunc

  # --- Expectations: the bytes a function must have before it is patched. -------------
  - upload: expectations
  - apply: expectations
    console:
      - "livepatch: expectations: Verifying enabled expectations for all functions"
      - "livepatch: expectations: Applying 1 functions"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: expectations
  - apply: expectations
    name: applying expectations again is allowed (no .data)
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: expectations
  - unload: expectations
  - upload: expectations_fail
  - apply: expectations_fail
    name: expectations that do not match refuse the apply
    # (XEN) livepatch: xen_extra_version: expectation failed: expected:deadc0debabe, actual:<the real bytes>
    expect: refused
    refusal: "expectations_fail: expectations of xen_extra_version failed (rc=-22), aborting!"
    errno: EINVAL
    console:
      - "livepatch: expectations_fail: Verifying enabled expectations for all functions"
      - { matches: "livepatch: xen_extra_version: expectation failed: expected:deadc0debabe, actual:[0-9a-f]{12}$" }
    list: { expectations_fail: CHECKED }
  - unload: expectations_fail

  # --- A payload without .livepatch.xen_depends is refused at upload. -----------------
  - upload: no_buildid
    expect: refused
    refusal: "no_buildid: ${noBuildIdRefusal}"
    errno: EINVAL
    list: { no_buildid: absent }

  - list:
    name: nothing loaded at the end
    output: { contains: Nothing to list }
`;
}
var SELF_TEST_YAML = selfTestYaml(".livepatch.xen_depends is missing");
function selfTestScenario(version) {
  const yaml = version && hasChange(version, XEN_BUILDID_CHECKED_EARLY) ? selfTestYaml("section .livepatch.xen_depends is missing") : SELF_TEST_YAML;
  return parseScenario(yaml, "builtin:self-test");
}

// src/scenario/run.ts
import { constants as fsConstants2 } from "node:fs";
import { access as access3, mkdtemp as mkdtemp4, rm as rm9 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { isAbsolute as isAbsolute3, join as join12, resolve as resolve9 } from "node:path";

// src/boot/guest-assets.ts
import { copyFile as copyFile3, mkdir as mkdir7, readdir as readdir6, readFile as readFile13, rename as rename3, rm as rm7, writeFile as writeFile7 } from "node:fs/promises";
import { basename as basename5, join as join10, resolve as resolve7 } from "node:path";
import * as zlib from "node:zlib";
import { promisify as promisify3 } from "node:util";
var DOM0_MODULES = ["xen-privcmd", "xenfs"];
var KERNEL_META_PACKAGE = "linux-image-amd64";
var BUSYBOX_PACKAGE = "busybox-static";
var STAMP2 = "assets.json";
function guestAssetsDir(cacheDir) {
  return join10(resolve7(cacheDir), "guest");
}
async function fetchGuestAssets(opts) {
  const dir = guestAssetsDir(opts.cacheDir);
  const cached = await readStamp2(dir);
  if (cached) return cached;
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm7(tmp, { recursive: true, force: true });
  await mkdir7(tmp, { recursive: true });
  try {
    const kernelPackage = await resolveKernelPackage(opts.logFile);
    const debs = join10(tmp, "debs");
    const root = join10(tmp, "root");
    await mkdir7(debs);
    await runCommand("apt-get", ["download", kernelPackage, BUSYBOX_PACKAGE], {
      cwd: debs,
      logFile: opts.logFile
    });
    for (const deb of (await readdir6(debs)).filter((n2) => n2.endsWith(".deb")).sort()) {
      await runCommand("dpkg", ["-x", join10(debs, deb), root], { logFile: opts.logFile });
    }
    const kernelVersion = kernelPackage.slice("linux-image-".length);
    const modulesRoot = await firstExisting(
      [join10(root, "lib/modules", kernelVersion), join10(root, "usr/lib/modules", kernelVersion)],
      `${kernelPackage} has no lib/modules/${kernelVersion}`
    );
    const vmlinuz = await firstExisting(
      [join10(root, "boot", `vmlinuz-${kernelVersion}`), join10(modulesRoot, "vmlinuz")],
      `${kernelPackage} has no boot/vmlinuz-${kernelVersion}`
    );
    const busybox = await firstExisting(
      [join10(root, "bin/busybox"), join10(root, "usr/bin/busybox")],
      `${BUSYBOX_PACKAGE} has no bin/busybox`
    );
    await copyFile3(vmlinuz, join10(tmp, `vmlinuz-${kernelVersion}`));
    await copyFile3(busybox, join10(tmp, "busybox"));
    await mkdir7(join10(tmp, "modules"));
    const read = moduleReader(join10(tmp, "scratch"), opts.logFile);
    const modules = [];
    for (const rel of await moduleLoadOrder(modulesRoot, DOM0_MODULES, read)) {
      const ko = `modules/${basename5(rel).replace(MODULE_FILE, ".ko")}`;
      await writeFile7(join10(tmp, ko), await read(join10(modulesRoot, rel)));
      modules.push(ko);
    }
    for (const scratch of [debs, root, join10(tmp, "scratch")]) {
      await rm7(scratch, { recursive: true, force: true });
    }
    const stamp = {
      kernelPackage,
      kernelVersion,
      kernel: `vmlinuz-${kernelVersion}`,
      busybox: "busybox",
      modules
    };
    await writeFile7(join10(tmp, STAMP2), `${JSON.stringify(stamp, null, 2)}
`);
    await moveIntoPlace2(tmp, dir);
  } finally {
    await rm7(tmp, { recursive: true, force: true });
  }
  const fetched = await readStamp2(dir);
  if (!fetched) throw new Error(`guest assets were unpacked but ${join10(dir, STAMP2)} is unusable`);
  return fetched;
}
async function readStamp2(dir) {
  let stamp;
  try {
    stamp = JSON.parse(await readFile13(join10(dir, STAMP2), "utf8"));
  } catch {
    return void 0;
  }
  const assets = {
    kernel: join10(dir, stamp.kernel),
    modules: stamp.modules.map((m) => join10(dir, m)),
    busybox: join10(dir, stamp.busybox),
    kernelVersion: stamp.kernelVersion
  };
  for (const file of [assets.kernel, assets.busybox, ...assets.modules]) {
    if (!await exists(file)) return void 0;
  }
  return assets;
}
async function resolveKernelPackage(logFile) {
  const { stdout } = await runCommand("apt-cache", ["depends", KERNEL_META_PACKAGE], { logFile });
  const found = parseKernelDependency(stdout);
  if (!found) {
    throw new Error(
      `apt-cache depends ${KERNEL_META_PACKAGE} names no linux-image-<version> package:
${stdout}`
    );
  }
  return found;
}
function parseKernelDependency(aptCacheDepends) {
  for (const line of aptCacheDepends.split("\n")) {
    const m = /^\s*\|?Depends:\s*(linux-image-[0-9][\w.+~-]*)\s*$/.exec(line);
    if (m?.[1]) return m[1];
  }
  return void 0;
}
function canonicalName(name) {
  return name.replaceAll("-", "_");
}
var MODULE_FILE = /\.ko(\.(?:xz|zst|gz))?$/;
function moduleNameOf(path10) {
  return canonicalName(basename5(path10).replace(MODULE_FILE, ""));
}
async function moduleLoadOrder(modulesRoot, wanted, read) {
  const builtin = new Set(
    (await readFile13(join10(modulesRoot, "modules.builtin"), "utf8").catch(() => "")).split("\n").filter(Boolean).map(moduleNameOf)
  );
  const depFile = await readFile13(join10(modulesRoot, "modules.dep"), "utf8").catch(() => void 0);
  const pathOf = /* @__PURE__ */ new Map();
  let dependsOn;
  if (depFile !== void 0) {
    const deps = parseModulesDep(depFile);
    for (const rel of deps.keys()) pathOf.set(moduleNameOf(rel), rel);
    dependsOn = (rel) => Promise.resolve(deps.get(rel) ?? []);
  } else {
    for (const rel of await listModules(modulesRoot)) pathOf.set(moduleNameOf(rel), rel);
    dependsOn = async (rel) => {
      const names = modinfoDepends(await read(join10(modulesRoot, rel)), rel);
      return names.filter((n2) => !builtin.has(canonicalName(n2))).map((n2) => locate(n2));
    };
  }
  const locate = (name) => {
    const rel = pathOf.get(canonicalName(name));
    if (!rel) throw new Error(`kernel module '${name}' is not in ${modulesRoot}`);
    return rel;
  };
  const order = [];
  const visiting = /* @__PURE__ */ new Set();
  const visit = async (rel) => {
    if (order.includes(rel)) return;
    if (visiting.has(rel))
      throw new Error(`kernel modules depend on each other in a cycle at ${rel}`);
    visiting.add(rel);
    for (const dep of await dependsOn(rel)) await visit(dep);
    visiting.delete(rel);
    order.push(rel);
  };
  for (const name of wanted) {
    if (builtin.has(canonicalName(name))) continue;
    await visit(locate(name));
  }
  return order;
}
function parseModulesDep(text) {
  const deps = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    deps.set(
      line.slice(0, colon).trim(),
      line.slice(colon + 1).trim().split(/\s+/).filter(Boolean)
    );
  }
  return deps;
}
function modinfoDepends(ko, name) {
  const elf = parseElf(ko, name);
  const modinfo = elf.sectionNamed(".modinfo");
  if (!modinfo) throw new Error(`${name}: kernel module without a .modinfo section`);
  const entries = Buffer.from(elf.data(modinfo)).toString("latin1").split("\0");
  const depends = entries.find((e) => e.startsWith("depends="));
  return (depends?.slice("depends=".length) ?? "").split(",").filter(Boolean);
}
async function listModules(root) {
  const names = await readdir6(root, { recursive: true });
  return names.filter((n2) => MODULE_FILE.test(n2)).sort();
}
function moduleReader(scratchDir, logFile) {
  return async (path10) => {
    const data = await readFile13(path10);
    if (path10.endsWith(".ko")) return data;
    if (path10.endsWith(".gz")) return promisify3(zlib.gunzip)(data);
    if (path10.endsWith(".zst") && typeof zlib.zstdDecompress === "function") {
      return promisify3(zlib.zstdDecompress)(data);
    }
    await mkdir7(scratchDir, { recursive: true });
    const copy = join10(scratchDir, basename5(path10));
    await writeFile7(copy, data);
    const plain = await decompressWithTool(copy, logFile);
    try {
      return await readFile13(plain);
    } finally {
      await rm7(plain, { force: true });
    }
  };
}
var TOOLS = {
  ".xz": { program: "xz", debianPackage: "xz-utils" },
  ".zst": { program: "zstd", debianPackage: "zstd" }
};
async function decompressWithTool(file, logFile) {
  const ext = file.slice(file.lastIndexOf("."));
  const tool = TOOLS[ext];
  if (!tool) throw new Error(`${file}: no way to decompress '${ext}' files`);
  try {
    await runCommand(tool.program, ["--decompress", "--force", "--quiet", file], { logFile });
  } catch (err) {
    if (err instanceof MissingProgramError) {
      throw new Error(
        `${basename5(file)} is ${ext.slice(1)}-compressed and '${tool.program}' is not installed: install the Debian package '${tool.debianPackage}'`,
        { cause: err }
      );
    }
    throw err;
  }
  return file.slice(0, -ext.length);
}
async function firstExisting(candidates, problem) {
  for (const c3 of candidates) if (await exists(c3)) return c3;
  throw new Error(`${problem} (looked for ${candidates.join(", ")})`);
}
async function moveIntoPlace2(tmp, dest) {
  if (!await exists(join10(dest, STAMP2))) await rm7(dest, { recursive: true, force: true });
  try {
    await rename3(tmp, dest);
  } catch (err) {
    const code = err.code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
  }
}

// src/boot/init-script.ts
import { basename as basename6 } from "node:path";
var GUEST_MODULE_DIR = "/lib/modules";
var MARKER_TAG = "@@XLCI";
function shQuote(s) {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
function initScript(opts) {
  const lines = [
    "#!/bin/sh",
    "# dom0 /init generated by xen-livepatch-ci: set up /proc/xen, run the steps, power off.",
    "/bin/busybox --install -s /bin",
    "export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root",
    "mount -t proc proc /proc",
    "mount -t sysfs sysfs /sys",
    "mount -t devtmpfs devtmpfs /dev",
    "cd /",
    "# A step's status is its command's, not that of the cat it is piped into.",
    "set -o pipefail",
    `xlci_mark() { printf '@@%s %s\\n' ${MARKER_TAG.slice(2)} "$*"; }`,
    "xlci_mark setup begin",
    "{",
    ...opts.modules.map((m) => `  insmod ${shQuote(m)} &&`),
    "  mount -t xenfs xenfs /proc/xen",
    "} </dev/null 2>&1 | cat",
    "xlci_rc=$?",
    "xlci_mark setup end rc=$xlci_rc",
    `if [ "$xlci_rc" -eq 0 ]; then`
  ];
  opts.steps.forEach((step, i2) => {
    const n2 = i2 + 1;
    lines.push(
      `  xlci_mark step ${n2} begin`,
      `  sh -c ${shQuote(step)} </dev/null 2>&1 | cat`,
      `  xlci_mark step ${n2} end rc=$?`
    );
  });
  lines.push("fi", "xlci_mark done", "poweroff -f", "");
  return lines.join("\n");
}
function guestInitramfs(opts) {
  const guestModules = opts.modules.map((m) => `${GUEST_MODULE_DIR}/${basename6(m)}`);
  return [
    ...["bin", "sbin", "usr/bin", "usr/sbin", "etc", "root", "tmp"].map((path10) => ({
      type: "dir",
      path: path10
    })),
    { type: "dir", path: "proc", mode: 365 },
    { type: "dir", path: "sys", mode: 365 },
    // The kernel opens /dev/console for init's stdin/out/err before /init can mount devtmpfs.
    { type: "dir", path: "dev" },
    { type: "chardev", path: "dev/console", major: 5, minor: 1 },
    { type: "file", path: "bin/busybox", mode: 493, source: opts.busybox },
    { type: "symlink", path: "bin/sh", target: "busybox" },
    ...opts.modules.map((m, i2) => ({
      type: "file",
      path: guestModules[i2].slice(1),
      source: m
    })),
    {
      type: "file",
      path: "init",
      mode: 493,
      data: initScript({ modules: guestModules, steps: opts.steps })
    },
    ...opts.extra ?? []
  ];
}
var MARKER = /@@XLCI (?:(setup begin)|setup end rc=(\d+)|step (\d+) begin|step (\d+) end rc=(\d+)|(done))\s*$/;
function parseMarker(line) {
  const m = MARKER.exec(line);
  if (!m) return void 0;
  const before = line.slice(0, m.index);
  if (m[1]) return { marker: { kind: "setup-begin" }, before };
  if (m[2]) return { marker: { kind: "setup-end", rc: Number(m[2]) }, before };
  if (m[3]) return { marker: { kind: "step-begin", step: Number(m[3]) }, before };
  if (m[4]) return { marker: { kind: "step-end", step: Number(m[4]), rc: Number(m[5]) }, before };
  return { marker: { kind: "done" }, before };
}

// src/boot/initramfs.ts
import { createReadStream as createReadStream2, createWriteStream as createWriteStream3 } from "node:fs";
import { mkdir as mkdir8, rename as rename4, rm as rm8, stat as stat6 } from "node:fs/promises";
import { dirname as dirname5 } from "node:path";
import { Readable as Readable5 } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants as zlibConstants, createGzip } from "node:zlib";
var S_IFDIR = 16384;
var S_IFREG = 32768;
var S_IFLNK = 40960;
var S_IFCHR = 8192;
var TRAILER = "TRAILER!!!";
function normalizeArchivePath(path10) {
  const parts = path10.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) {
    throw new Error(`initramfs: '${path10}' is not a usable path inside the archive`);
  }
  return parts.join("/");
}
function header(h2) {
  const field = (n2) => {
    if (!Number.isInteger(n2) || n2 < 0 || n2 > 4294967295) {
      throw new Error(`initramfs: value ${n2} for '${h2.name}' does not fit a cpio header field`);
    }
    return n2.toString(16).toUpperCase().padStart(8, "0");
  };
  const name = Buffer.from(`${h2.name}\0`, "utf8");
  const fields = [
    h2.ino,
    h2.mode,
    0,
    // uid: root
    0,
    // gid: root
    h2.nlink,
    0,
    // mtime: fixed, for a reproducible archive
    h2.size,
    0,
    // devmajor
    0,
    // devminor
    h2.rdevMajor,
    h2.rdevMinor,
    name.length,
    0
    // check (unused by newc)
  ];
  const head = Buffer.from(`070701${fields.map(field).join("")}`, "ascii");
  return Buffer.concat([head, name, padding(head.length + name.length)]);
}
function padding(length) {
  return Buffer.alloc((4 - length % 4) % 4);
}
function withParentDirs(entries) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const entry of entries) {
    const path10 = normalizeArchivePath(entry.path);
    const parts = path10.split("/");
    for (let i2 = 1; i2 < parts.length; i2++) {
      const dir = parts.slice(0, i2).join("/");
      if (!seen.has(dir)) {
        seen.add(dir);
        out.push({ type: "dir", path: dir });
      }
    }
    if (seen.has(path10)) {
      if (entry.type === "dir") continue;
      throw new Error(`initramfs: '${path10}' is given more than once`);
    }
    seen.add(path10);
    out.push({ ...entry, path: path10 });
  }
  return out;
}
async function* archiveChunks(entries) {
  let ino = 1;
  for (const entry of withParentDirs(entries)) {
    const base = { ino: ino++, name: entry.path, rdevMajor: 0, rdevMinor: 0 };
    switch (entry.type) {
      case "dir":
        yield header({ ...base, mode: S_IFDIR | (entry.mode ?? 493), nlink: 2, size: 0 });
        break;
      case "symlink": {
        const target = Buffer.from(entry.target, "utf8");
        yield header({ ...base, mode: S_IFLNK | 511, nlink: 1, size: target.length });
        yield Buffer.concat([target, padding(target.length)]);
        break;
      }
      case "chardev":
        yield header({
          ...base,
          mode: S_IFCHR | (entry.mode ?? 384),
          nlink: 1,
          size: 0,
          rdevMajor: entry.major,
          rdevMinor: entry.minor
        });
        break;
      case "file": {
        const mode = S_IFREG | (entry.mode ?? 420);
        if ("data" in entry) {
          const data = typeof entry.data === "string" ? Buffer.from(entry.data) : entry.data;
          yield header({ ...base, mode, nlink: 1, size: data.length });
          yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
          yield padding(data.length);
        } else {
          const { size } = await stat6(entry.source);
          yield header({ ...base, mode, nlink: 1, size });
          let copied = 0;
          for await (const chunk of createReadStream2(entry.source)) {
            copied += chunk.length;
            yield chunk;
          }
          if (copied !== size) {
            throw new Error(
              `initramfs: ${entry.source} changed while being archived (${copied} bytes, expected ${size})`
            );
          }
          yield padding(size);
        }
        break;
      }
    }
  }
  yield header({ ino: 0, mode: 0, nlink: 1, size: 0, rdevMajor: 0, rdevMinor: 0, name: TRAILER });
}
async function buildInitramfs(entries, outPath) {
  await mkdir8(dirname5(outPath), { recursive: true });
  const tmp = `${outPath}.tmp-${process.pid}`;
  try {
    await pipeline(
      Readable5.from(archiveChunks(entries)),
      // Speed over size: the archive is read once, from local disk, by the guest kernel.
      createGzip({ level: zlibConstants.Z_BEST_SPEED }),
      createWriteStream3(tmp)
    );
    await rename4(tmp, outPath);
  } catch (err) {
    await rm8(tmp, { force: true });
    throw err;
  }
}

// src/boot/qemu.ts
import { createWriteStream as createWriteStream4 } from "node:fs";
import { mkdir as mkdir9 } from "node:fs/promises";
import { dirname as dirname6 } from "node:path";

// src/boot/console.ts
var XEN_BANNER = /\(XEN\) Xen version /;
var DOM0_KERNEL = /^(?:\[ *[\d.]+\] )?Linux version /;
var HYPERVISOR_PANIC = /\(XEN\) .*?(Panic on CPU \d+|FATAL TRAP|DOUBLE FAULT|Reboot in five seconds)/;
var DOM0_CRASH = /(Kernel panic - not syncing|Oops: [0-9a-f]{4} \[#\d+\]|\(XEN\) Hardware Dom0 crashed)/;
var CRASH_REPORT_END = /\(XEN\) (?:Manual reset required|Reboot in five seconds|Hardware Dom0 crashed)|---\[ end Kernel panic/;
var CRASH_LINES_BEFORE = 30;
var CRASH_LINES_AFTER = 120;
var TAIL_LINES2 = 20;
function detectCrash(line) {
  const xen = HYPERVISOR_PANIC.exec(line);
  if (xen) return { kind: "hypervisor-panic", match: xen[1] };
  const dom0 = DOM0_CRASH.exec(line);
  if (dom0) return { kind: "dom0-crash", match: dom0[1] };
  return void 0;
}
function cleanConsoleLine(raw) {
  return raw.replace(/\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[0-~])/g, "").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
}
var START_PHASE = {
  name: "start (waiting for Xen's banner)",
  deadline: "firstSignOfLife"
};
var ConsoleReader = class {
  /** @param stepCommands the steps /init runs (as given to initScript); names them. */
  constructor(stepCommands = []) {
    this.stepCommands = stepCommands;
  }
  stepCommands;
  /** Every console line, cleaned. */
  lines = [];
  /** dom0's setup (modules and xenfs); absent until /init begins it. */
  setup;
  steps = [];
  /** When Xen's banner came (ms since start). */
  bannerMs;
  /** When dom0's setup ended (ms since start). */
  dom0ReadyMs;
  /** /init printed its last marker: the machine is powering off. */
  poweredOff = false;
  phase = START_PHASE;
  /** The crash seen, once one is. */
  crash;
  current;
  currentStarted = 0;
  stopped = false;
  /** `step N (command)`, or `step N` when the command is not known. */
  stepName(n2) {
    const cmd = this.stepCommands[n2 - 1];
    return cmd === void 0 ? `step ${n2}` : `step ${n2} (${cmd})`;
  }
  /** The step running now, if any (the setup is step 0). */
  get running() {
    return this.current;
  }
  /** True between a crash's first line and the end of its report. */
  get inCrashReport() {
    return this.crash !== void 0 && !this.stopped;
  }
  /** The last `n` lines, with a line still being written (no newline yet) after them. */
  tail(partial = "", n2 = TAIL_LINES2) {
    const lines = this.lines.slice(-n2);
    if (partial) lines.push(cleanConsoleLine(partial));
    return lines;
  }
  /** Nothing more is interpreted: the boot has ended (later lines are still kept). */
  stop() {
    this.stopped = true;
  }
  /**
   * The crash report as it stands (called when the report completes, or when the console
   * has gone quiet or the wait for the report ran out); stops the reader.
   */
  crashReport() {
    if (!this.crash) return void 0;
    const { kind, match, at: at2 } = this.crash;
    this.stop();
    return {
      kind,
      match,
      lines: this.lines.slice(Math.max(0, at2 - CRASH_LINES_BEFORE), at2 + 1 + CRASH_LINES_AFTER),
      during: this.current ? this.stepName(this.current.step) : void 0
    };
  }
  /** Sets the duration of a step that never ended (the boot ended first) at `atMs`. */
  finish(atMs) {
    for (const s of [this.setup, ...this.steps]) {
      if (s && s.rc === null) s.durationMs = atMs - this.currentStarted;
    }
  }
  /** Takes one raw console line (without its newline) that arrived at `atMs`. */
  push(raw, atMs) {
    const line = cleanConsoleLine(raw);
    this.lines.push(line);
    if (this.stopped) return [];
    const events = [];
    const enter = (phase) => {
      this.phase = phase;
      events.push({ kind: "phase", phase });
    };
    if (this.crash) {
      if (this.current) appendTo(this.current, line);
      if (CRASH_REPORT_END.test(line) || this.lines.length - 1 - this.crash.at >= CRASH_LINES_AFTER)
        events.push({ kind: "crash-report", report: this.crashReport() });
      return events;
    }
    const seen = detectCrash(line);
    if (seen) {
      this.crash = { ...seen, at: this.lines.length - 1 };
      if (this.current) appendTo(this.current, line);
      events.push({ kind: "crash", crash: seen.kind, match: seen.match });
      if (CRASH_REPORT_END.test(line))
        events.push({ kind: "crash-report", report: this.crashReport() });
      else enter({ name: "crash report", deadline: "crashReport" });
      return events;
    }
    if (this.bannerMs === void 0 && XEN_BANNER.test(line)) {
      this.bannerMs = atMs;
      events.push({ kind: "banner" });
      enter({ name: "dom0 boot (until /init's setup ends)", deadline: "dom0" });
    }
    if (DOM0_KERNEL.test(line)) events.push({ kind: "dom0-kernel" });
    const found = parseMarker(line);
    if (!found) {
      if (this.current) appendTo(this.current, line);
      return events;
    }
    const { marker, before } = found;
    if (before && this.current) appendTo(this.current, before);
    const begin = (step, command) => {
      this.current = { step, command, rc: null, output: "", xenOutput: "", durationMs: 0 };
      this.currentStarted = atMs;
      return this.current;
    };
    switch (marker.kind) {
      case "setup-begin":
        this.setup = begin(0, "setup");
        events.push({ kind: "setup-begin" });
        break;
      case "step-begin": {
        const command = this.stepCommands[marker.step - 1];
        this.steps.push(begin(marker.step, command));
        events.push({ kind: "step-begin", step: marker.step, command });
        break;
      }
      case "setup-end":
      case "step-end": {
        if (this.current) {
          this.current.rc = marker.rc;
          this.current.durationMs = atMs - this.currentStarted;
        }
        this.current = void 0;
        const steps = this.stepCommands.length;
        const next = marker.kind === "setup-end" ? 1 : marker.step + 1;
        if (marker.kind === "setup-end") {
          this.dom0ReadyMs = atMs;
          events.push({ kind: "setup-end", rc: marker.rc });
        } else events.push({ kind: "step-end", step: marker.step, rc: marker.rc });
        if (marker.kind === "setup-end" && marker.rc !== 0)
          enter({ name: "shutdown", deadline: "shutdown" });
        else if (next <= steps || steps === 0)
          enter({ name: this.stepName(next), deadline: "step" });
        else enter({ name: "shutdown", deadline: "shutdown" });
        break;
      }
      case "done":
        this.poweredOff = true;
        events.push({ kind: "poweroff" });
        enter({ name: "shutdown", deadline: "shutdown" });
        break;
    }
    return events;
  }
};
function appendTo(step, text) {
  if (/^\(XEN\)/.test(text)) step.xenOutput += `${text}
`;
  else step.output += `${text}
`;
}

// src/boot/kvm.ts
import { open } from "node:fs/promises";
var UDEV_HINT = "on GitHub's hosted runners either run the job in a container with `options: --device /dev/kvm` (root opens it) or add the udev rule step before this action (README, KVM on GitHub's runners)";
async function kvmStatus(device = "/dev/kvm") {
  try {
    const handle = await open(device, "r+");
    await handle.close();
    return { usable: true };
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT")
      return {
        usable: false,
        reason: `${device} does not exist: this machine offers no hardware virtualisation to this job`
      };
    if (code === "EACCES" || code === "EPERM")
      return {
        usable: false,
        reason: `${device} is not read-write for this user; ${UDEV_HINT}`
      };
    return { usable: false, reason: `${device} cannot be opened (${code ?? String(e)})` };
  }
}

// src/boot/qemu.ts
function defaultXenCmdline(memoryMb) {
  const dom0Mb = Math.floor(memoryMb / 2);
  return `console=com1 com1=115200,8n1 dom0_mem=${dom0Mb}M loglvl=all guest_loglvl=all noreboot`;
}
var DEFAULT_DOM0_CMDLINE = "console=hvc0 earlyprintk=xen";
var TCG_CPU = "qemu64,+svm";
var KVM_CPU = "host,-svm,-arch-capabilities,-la57";
var KVM_XEN_CMDLINE = "cet=no-shstk,no-ibt";
function multibootModule(path10, cmdline) {
  if (/\s/.test(path10))
    throw new Error(`QEMU cannot load a multiboot module from '${path10}' (space in path)`);
  return (cmdline ? `${path10} ${cmdline}` : path10).replaceAll(",", ",,");
}
function qemuArgs(o2) {
  const kvm = o2.accel === "kvm";
  const xenCmdline = o2.xenCmdline ?? defaultXenCmdline(o2.memoryMb);
  return [
    "-machine",
    `q35,accel=${o2.accel}`,
    "-cpu",
    kvm ? KVM_CPU : TCG_CPU,
    "-m",
    String(o2.memoryMb),
    "-smp",
    String(o2.cpus),
    "-nographic",
    "-no-reboot",
    "-kernel",
    o2.xenImage,
    "-append",
    kvm ? `${xenCmdline} ${KVM_XEN_CMDLINE}` : xenCmdline,
    "-initrd",
    [
      multibootModule(o2.kernel, o2.dom0Cmdline ?? DEFAULT_DOM0_CMDLINE),
      multibootModule(o2.initrd)
    ].join(",")
  ];
}
async function kvmUsable() {
  return (await kvmStatus()).usable;
}
var KVM_ERROR = /KVM internal error|failed to set MSR|kvm_[a-z_]+: Assertion|Could not access KVM|KVM: entry failed/;
var DEFAULT_BOOT_TIMEOUTS = {
  firstSignOfLife: 6e4,
  dom0: 3e5,
  step: 12e4,
  shutdown: 3e4,
  total: 9e5
};
var KVM_FIRST_SIGN_OF_LIFE_MS = 2e4;
var CRASH_QUIET_MS = 4e3;
var CRASH_SETTLE_MAX_MS = 2e4;
var KILL_GRACE_MS = 3e3;
var BootError = class extends Error {
  constructor(result) {
    super(describeFailure(result));
    this.result = result;
  }
  result;
  name = "BootError";
};
function assertBootOk(result) {
  if (!result.ok) throw new BootError(result);
}
function describeFailure(r) {
  if (r.end.kind !== "poweroff") return r.end.message;
  if (r.setup && r.setup.rc !== 0) {
    return `dom0 setup (insmod, mount xenfs) failed with status ${r.setup.rc}:
${r.setup.output}`;
  }
  const failed = r.steps.filter((s) => s.rc !== 0);
  return failed.map(
    (s) => `step ${s.step}${s.command ? ` (${s.command})` : ""} exited with ${s.rc}:
${s.output}`
  ).join("\n");
}
async function bootXen(opts) {
  const accel = opts.accel ?? "auto";
  if (accel !== "auto") return bootOnce(opts, accel);
  if (!await (opts.detectKvm ?? kvmUsable)()) return bootOnce(opts, "tcg");
  const kvm = await bootOnce(opts, "kvm", true);
  const early = kvm.end.kind === "kvm-error" || kvm.end.kind !== "poweroff" && kvm.durations.firstSignOfLifeMs === void 0;
  if (!early || kvm.end.kind === "poweroff") return kvm;
  const reason = kvm.end.message.split("\n")[0];
  const tcg = await bootOnce(
    opts,
    "tcg",
    false,
    `KVM failed early (${reason}); booting again with TCG`
  );
  return { ...tcg, kvmFallback: { reason, durationMs: kvm.durations.totalMs } };
}
async function bootOnce(opts, accel, kvmTrial = false, logHeader) {
  const timeouts = { ...DEFAULT_BOOT_TIMEOUTS, ...opts.timeouts };
  const memoryMb = opts.memoryMb ?? 2048;
  const args = qemuArgs({
    xenImage: opts.xenImage,
    kernel: opts.kernel,
    initrd: opts.initrd,
    memoryMb,
    cpus: opts.cpus ?? 2,
    accel,
    xenCmdline: opts.xenCmdline,
    dom0Cmdline: opts.dom0Cmdline
  });
  const program = opts.qemu ?? "qemu-system-x86_64";
  const command = [program, ...args];
  const steps = opts.steps ?? [];
  const limitOf = {
    firstSignOfLife: kvmTrial ? Math.min(KVM_FIRST_SIGN_OF_LIFE_MS, timeouts.firstSignOfLife) : timeouts.firstSignOfLife,
    dom0: timeouts.dom0,
    step: timeouts.step,
    shutdown: timeouts.shutdown,
    crashReport: CRASH_SETTLE_MAX_MS
  };
  let log;
  if (opts.consoleLog) {
    await mkdir9(dirname6(opts.consoleLog), { recursive: true });
    log = createWriteStream4(opts.consoleLog, { flags: kvmTrial || !logHeader ? "w" : "a" });
    if (logHeader) log.write(`
=== xen-livepatch-ci: ${logHeader} ===
`);
    log.write(`=== xen-livepatch-ci: ${command.join(" ")} ===
`);
  }
  const start = performance.now();
  const now = () => Math.round(performance.now() - start);
  const reader = new ConsoleReader(steps);
  let ended;
  let partial = "";
  return new Promise((resolve10, reject) => {
    const child = execa(program, args, {
      stdin: "ignore",
      buffer: false,
      reject: false,
      forceKillAfterDelay: KILL_GRACE_MS
    });
    let phase = START_PHASE;
    let phaseTimer;
    let crashTimer;
    const clearTimers = () => {
      clearTimeout(phaseTimer);
      clearTimeout(crashTimer);
      clearTimeout(totalTimer);
    };
    const timeoutMessage = (headline) => [
      headline,
      `--- last ${TAIL_LINES2} console lines ---`,
      ...reader.tail(partial),
      ...opts.consoleLog ? [`(full console log: ${opts.consoleLog})`] : []
    ].join("\n");
    const totalTimer = setTimeout(
      () => finish({
        kind: "timeout",
        phase: phase.name,
        limitMs: timeouts.total,
        message: timeoutMessage(
          `Boot timed out: the whole run took longer than ${formatMs(timeouts.total)}, now in ${phase.name} (${accel}).`
        )
      }),
      timeouts.total
    );
    function finish(why) {
      ended ??= why;
      reader.stop();
      clearTimers();
      child.kill();
    }
    const endWithCrash = (report = reader.crashReport()) => {
      if (!report) return;
      const what2 = report.kind === "hypervisor-panic" ? "The hypervisor panicked" : "dom0 crashed";
      const during = report.during ? ` during ${report.during}` : "";
      finish({
        kind: report.kind,
        lines: report.lines,
        message: [
          `${what2}${during} ("${report.match}", ${accel}):`,
          ...report.lines,
          ...opts.consoleLog ? [`(full console log: ${opts.consoleLog})`] : []
        ].join("\n")
      });
    };
    const enter = (next) => {
      phase = next;
      clearTimeout(phaseTimer);
      const limitMs = limitOf[next.deadline];
      const expired = next.deadline === "crashReport" ? () => endWithCrash() : () => finish({
        kind: "timeout",
        phase: next.name,
        limitMs,
        message: timeoutMessage(
          `Boot timed out in ${next.name}: no progress within ${formatMs(limitMs)} (${accel}).`
        )
      });
      phaseTimer = setTimeout(expired, limitMs);
    };
    enter(phase);
    const onConsoleLine = (raw) => {
      const events = reader.push(raw, now());
      opts.onLine?.(reader.lines.at(-1));
      for (const event of events) {
        if (event.kind === "phase") enter(event.phase);
        else if (event.kind === "crash") crashTimer = setTimeout(endWithCrash, CRASH_QUIET_MS);
        else if (event.kind === "crash-report") endWithCrash(event.report);
      }
      if (reader.inCrashReport) crashTimer?.refresh();
    };
    const decoder = new TextDecoder();
    child.stdout.on("data", (data) => {
      log?.write(data);
      const lines = (partial + decoder.decode(data, { stream: true })).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onConsoleLine(line);
    });
    let stderrPartial = "";
    const stderrLines = [];
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data) => {
      const lines = (stderrPartial + data).split("\n");
      stderrPartial = lines.pop() ?? "";
      for (const line of lines) {
        stderrLines.push(line);
        log?.write(`${partial ? "\n" : ""}[qemu] ${line}
`);
        if (accel === "kvm" && KVM_ERROR.test(line) && !ended) {
          finish({ kind: "kvm-error", message: `QEMU reported a KVM error: ${line}` });
        }
      }
    });
    void child.then(({ exitCode, signal: killedBy, code: errorCode, originalMessage, cause }) => {
      clearTimers();
      const code = exitCode ?? null;
      const signal = killedBy ?? null;
      if (exitCode === void 0 && signal === null) {
        log?.end();
        reject(
          startError(
            program,
            program,
            errorCode,
            originalMessage ?? "could not start",
            void 0,
            cause
          )
        );
        return;
      }
      if (stderrPartial) stderrLines.push(stderrPartial);
      if (partial) onConsoleLine(partial);
      partial = "";
      if (reader.inCrashReport) endWithCrash();
      clearTimers();
      if (!ended) {
        if (reader.poweredOff && code === 0) ended = { kind: "poweroff" };
        else {
          const stderrTail = stderrLines.filter(Boolean).slice(-TAIL_LINES2);
          ended = {
            kind: "qemu-exit",
            code,
            signal,
            message: [
              `QEMU exited (${code === null ? `signal ${signal}` : `code ${code}`}) during ${phase.name}, before dom0 powered off (${accel}).`,
              ...stderrTail.length ? ["--- QEMU's stderr ---", ...stderrTail] : [],
              `--- last ${TAIL_LINES2} console lines ---`,
              ...reader.tail()
            ].join("\n")
          };
        }
      }
      const totalMs = now();
      reader.finish(totalMs);
      const durations = { totalMs };
      if (reader.bannerMs !== void 0) durations.firstSignOfLifeMs = reader.bannerMs;
      if (reader.dom0ReadyMs !== void 0) durations.dom0ReadyMs = reader.dom0ReadyMs;
      const result = {
        ok: ended.kind === "poweroff" && reader.setup?.rc === 0 && // Without the list of steps, every step that began must have ended well.
        (opts.steps === void 0 || reader.steps.length === steps.length) && reader.steps.every((s) => s.rc === 0),
        end: ended,
        accel,
        steps: reader.steps,
        durations,
        console: reader.lines,
        consoleLog: opts.consoleLog,
        command,
        pid: child.pid
      };
      if (reader.setup) result.setup = reader.setup;
      const done = () => resolve10(result);
      if (log) log.end(done);
      else done();
    });
  });
}
function formatMs(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${ms} ms`;
}

// src/base/guest-tool.ts
import { createHash as createHash9 } from "node:crypto";
import { appendFile as appendFile2, chmod, copyFile as copyFile4, mkdir as mkdir10, readFile as readFile14, rename as rename5, writeFile as writeFile8 } from "node:fs/promises";
import { availableParallelism as availableParallelism3 } from "node:os";
import { dirname as dirname7, join as join11, resolve as resolve8 } from "node:path";
var GUEST_TOOL_LIBS = [
  "toolcore",
  "toollog",
  "evtchn",
  "gnttab",
  "call",
  "foreignmemory",
  "devicemodel",
  "ctrl"
];
var CONFIGURE_FLAGS = [
  "--disable-xen",
  "--disable-docs",
  "--disable-stubdom",
  "--disable-ocamltools",
  "--disable-golang",
  "--disable-seabios",
  "--disable-xsmpolicy",
  "--disable-pvshim",
  "--disable-monitors",
  "--with-system-qemu=/usr/bin/qemu-system-x86_64"
];
var CONFIGURE_OUTPUTS = [
  "configure",
  "tools/configure",
  "tools/config.h.in",
  "config.guess",
  "config.sub"
];
var PROVISION_HINT = "scripts/provision.sh installs what the guest tool build needs";
function guestToolSteps(opts) {
  const { tree } = opts;
  const env = { LC_ALL: "C" };
  const jobs = `-j${opts.jobs}`;
  const steps = [];
  if (opts.regenerateConfigure) {
    steps.push({
      name: "autoreconf",
      cmd: "autoreconf",
      args: ["--install", "--force"],
      cwd: tree,
      env: { ...env, ACLOCAL: "true" }
    });
  }
  steps.push(
    { name: "configure", cmd: "./configure", args: [...CONFIGURE_FLAGS], cwd: tree, env },
    { name: "tools/include", cmd: "make", args: ["-C", "tools/include", jobs], cwd: tree, env },
    ...GUEST_TOOL_LIBS.map((lib) => ({
      name: `tools/libs/${lib}`,
      cmd: "make",
      args: ["-C", `tools/libs/${lib}`, jobs],
      cwd: tree,
      env
    }))
  );
  const dependencies = GUEST_TOOL_LIBS.filter((lib) => lib !== "ctrl").reverse().map((lib) => join11(tree, "tools", "libs", lib, `libxen${lib}.a`));
  steps.push({
    name: "tools/misc/xen-livepatch",
    cmd: "make",
    args: [
      "-C",
      "tools/misc",
      "xen-livepatch",
      "nosharedlibs=y",
      "LDFLAGS=-static",
      `APPEND_LDFLAGS=${dependencies.join(" ")}`
    ],
    cwd: tree,
    env
  });
  return steps;
}
var GuestToolBuildError = class extends Error {
  constructor(step, logFile, message, options) {
    super(message, options);
    this.step = step;
    this.logFile = logFile;
  }
  step;
  logFile;
  name = "GuestToolBuildError";
};
var CONFIGURE_PACKAGE_HINTS = [
  [/yajl/i, "libyajl-dev"],
  [/zlib/i, "zlib1g-dev"],
  [/uuid/i, "uuid-dev"],
  [/curses/i, "libncurses-dev"],
  [/iasl/i, "acpica-tools"],
  [/pkg-config/i, "pkg-config"],
  [/python development/i, "python3-dev"],
  [/python interpreter/i, "python3"]
];
function configureFailureSummary(output) {
  const line = /^.*configure: error: .*$/m.exec(output)?.[0].trim();
  if (!line) return void 0;
  const pkg = CONFIGURE_PACKAGE_HINTS.find(([pattern]) => pattern.test(line))?.[1];
  const hint = pkg ? `install the Debian package '${pkg}' (${PROVISION_HINT})` : `a system package is probably missing (${PROVISION_HINT})`;
  return `${line}
${hint}`;
}
async function buildGuestTool(opts) {
  const dir = guestToolDir(opts.cacheDir, opts.base.key);
  const path10 = join11(dir, "xen-livepatch");
  const logFile = opts.logFile ?? `${dir}.log`;
  const recipe = recipeId();
  if (await stampIsValid(dir, recipe)) return { path: path10, cached: true };
  return withLock(`${opts.base.tree}.guest-tool.lock`, async () => {
    if (await stampIsValid(dir, recipe)) return { path: path10, cached: true };
    await build();
    return { path: path10, cached: false };
  });
  async function build() {
    const tree = opts.base.tree;
    await mkdir10(dir, { recursive: true });
    await mkdir10(dirname7(logFile), { recursive: true });
    await appendFile2(
      logFile,
      `# xen-livepatch-ci: guest tool for base ${opts.base.key} at ${(/* @__PURE__ */ new Date()).toISOString()}
`
    );
    const steps = guestToolSteps({
      tree,
      jobs: opts.jobs ?? availableParallelism3(),
      regenerateConfigure: !await allExist(tree, CONFIGURE_OUTPUTS)
    });
    for (const step of steps) {
      try {
        await runCommand(step.cmd, step.args, { cwd: step.cwd, env: step.env, logFile });
      } catch (err) {
        throw stepFailure(step, err, tree, logFile);
      }
    }
    const built = join11(tree, "tools", "misc", "xen-livepatch");
    const tmp = join11(dir, `.xen-livepatch.${process.pid}`);
    await copyFile4(built, tmp);
    await chmod(tmp, 493);
    await rename5(tmp, path10);
    const stamp = { baseKey: opts.base.key, recipe, sha256: await sha256File(path10) };
    await writeFile8(join11(dir, STAMP3), JSON.stringify(stamp, null, 2) + "\n");
  }
}
function stepFailure(step, err, tree, logFile) {
  const headline = `Building xen-livepatch in ${tree} failed at '${step.name}' (log: ${logFile})`;
  let detail = err instanceof Error ? err.message : String(err);
  if (err instanceof MissingProgramError && err.program === "autoreconf") {
    detail = `'autoreconf' was not found on PATH; the tree has no configure script (Debian's source deletes it), so it must be generated: install the Debian package 'autoconf' (${PROVISION_HINT})`;
  } else if (err instanceof CommandError && step.name === "configure") {
    detail = configureFailureSummary(`${err.stdout}
${err.stderr}`) ?? detail;
  }
  return new GuestToolBuildError(step.name, logFile, `${headline}:
${detail}`, { cause: err });
}
var STAMP3 = "stamp.json";
function guestToolDir(cacheDir, baseKey) {
  return join11(resolve8(cacheDir), "guest-tool", baseKey);
}
function recipeId() {
  const steps = guestToolSteps({ tree: "/tree", jobs: 1, regenerateConfigure: true });
  return createHash9("sha256").update(JSON.stringify(steps)).digest("hex").slice(0, 16);
}
async function stampIsValid(dir, recipe) {
  const text = await readFile14(join11(dir, STAMP3), "utf8").catch(() => null);
  if (text === null) return false;
  let stamp;
  try {
    stamp = JSON.parse(text);
  } catch {
    return false;
  }
  if (stamp.recipe !== recipe) return false;
  const actual = await sha256File(join11(dir, "xen-livepatch")).catch(() => null);
  return actual === stamp.sha256;
}
async function allExist(root, files) {
  for (const file of files) if (!await exists(join11(root, file))) return false;
  return true;
}

// src/scenario/plan.ts
var GUEST_TOOL_PATH = "/usr/sbin/xen-livepatch";
var GUEST_PAYLOAD_DIR = "/payloads";
var LIST_COMMAND = "xen-livepatch list";
function guestPayloadPath(name) {
  return `${GUEST_PAYLOAD_DIR}/${name}.livepatch`;
}
function actionCommand(step) {
  const a2 = step.action;
  switch (a2.kind) {
    case "run":
      return a2.command;
    case "list":
      return LIST_COMMAND;
    case "upload":
      return `xen-livepatch upload ${a2.payload} ${guestPayloadPath(a2.payload)}`;
    case "apply":
      return `xen-livepatch apply ${a2.payload}${a2.nodeps ? " --nodeps" : ""}`;
    default:
      return `xen-livepatch ${a2.kind} ${a2.payload}`;
  }
}
function planScenario(scenario) {
  const guestSteps = [];
  const add = (role, command) => {
    guestSteps.push(command);
    return { role, command, guestStep: guestSteps.length - 1 };
  };
  const steps = scenario.steps.map((step) => {
    const commands = [add("action", actionCommand(step))];
    if (step.check !== void 0) commands.push(add("check", step.check));
    if (step.list !== void 0 && step.action.kind !== "list")
      commands.push(add("list", LIST_COMMAND));
    return { step, commands };
  });
  const guestPayloads = Object.fromEntries(
    Object.keys(scenario.payloads).map((name) => [name, guestPayloadPath(name)])
  );
  return { guestSteps, steps, guestPayloads };
}

// src/scenario/run.ts
var XEN_LINE = /\(XEN\)(?: |$)/;
function stepTranscripts(consoleLines) {
  const out = /* @__PURE__ */ new Map();
  let current;
  const take = (line, newline) => {
    if (!current) return;
    const at2 = line.search(XEN_LINE);
    if (at2 < 0) {
      current.guest += newline ? `${line}
` : line;
      return;
    }
    current.guest += line.slice(0, at2);
    current.xen.push(line.slice(at2));
  };
  for (const line of consoleLines) {
    const found = parseMarker(line);
    if (!found) {
      take(line, true);
      continue;
    }
    if (found.before) take(found.before, false);
    if (found.marker.kind === "step-begin") {
      current = { guest: "", xen: [] };
      out.set(found.marker.step, current);
    } else {
      current = void 0;
    }
  }
  return out;
}
function parseListOutput(output) {
  const lines = output.split("\n");
  const rule2 = lines.findIndex((l) => /^-+\+-+\+-*$/.test(l.trim()));
  if (rule2 < 0) return [];
  const out = [];
  for (const line of lines.slice(rule2 + 1)) {
    const bar = line.indexOf("|");
    if (bar < 0) continue;
    const rest = line.slice(bar + 1);
    const bar2 = rest.indexOf("|");
    const status = (bar2 < 0 ? rest : rest.slice(0, bar2)).trim();
    const metadata = bar2 < 0 ? "" : rest.slice(bar2 + 1).trim();
    const m = /^(\S+)(?:\s+\((-?\d+),\s*([^)]*)\))?/.exec(status);
    out.push({
      name: line.slice(0, bar).trim(),
      state: m?.[1] ?? status,
      ...m?.[2] !== void 0 ? { error: { number: Number(m[2]), text: m[3].trim() } } : {},
      metadata: metadata.split(";").map((s) => s.trim()).filter(Boolean),
      status
    });
  }
  return out;
}
var EXCERPT_CHARS = 600;
function excerpt(text) {
  const t = text.trim();
  if (t === "") return " nothing";
  const short = t.length > EXCERPT_CHARS ? `...${t.slice(-EXCERPT_CHARS)}` : t;
  return short.includes("\n") ? `
${indent(short)}` : ` "${short}"`;
}
function indent(text) {
  return text.split("\n").map((l) => `    ${l}`).join("\n");
}
function xenExcerpt(lines) {
  if (lines.length === 0) return "Xen printed nothing during this step";
  const shown = lines.length > 30 ? ["...", ...lines.slice(-30)] : lines;
  return `Xen printed during this step:
${indent(shown.join("\n"))}`;
}
function reported(output) {
  const m = /Error (\d+): (.*)/.exec(output);
  return m ? { number: Number(m[1]), text: m[2].trim() } : void 0;
}
function what(command) {
  return `\`${command}\``;
}
function checkOutput(check, output, command) {
  const problems = [];
  const got = `but it was${excerpt(output)}`;
  const of = `the output of ${what(command)}`;
  if (check.equals !== void 0 && output.trim() !== check.equals.trim()) {
    problems.push(`expected ${of} to be "${check.equals}", ${got}`);
  }
  for (const text of check.contains) {
    if (!output.includes(text)) problems.push(`expected ${of} to contain "${text}", ${got}`);
  }
  for (const re of check.matches) {
    if (!new RegExp(re, "m").test(output)) problems.push(`expected ${of} to match /${re}/, ${got}`);
  }
  for (const text of check.lacks) {
    if (output.includes(text)) problems.push(`expected ${of} not to contain "${text}", ${got}`);
  }
  return problems;
}
function checkConsole(expected, lines) {
  let from = 0;
  for (const [i2, e] of expected.entries()) {
    const re = e.regex ? new RegExp(e.text) : void 0;
    const at2 = lines.findIndex((l, n2) => n2 >= from && (re ? re.test(l) : l.includes(e.text)));
    if (at2 >= 0) {
      from = at2 + 1;
      continue;
    }
    const shown = (x) => x.regex ? `/${x.text}/` : `"${x.text}"`;
    const anywhere = lines.some((l) => re ? re.test(l) : l.includes(e.text));
    const where = i2 === 0 ? "" : anywhere ? ` after ${shown(expected[i2 - 1])} (it came earlier)` : ` after ${shown(expected[i2 - 1])}`;
    const order = expected.length > 1 ? ` (expected in order: ${expected.map(shown).join(", ")})` : "";
    return `expected Xen's console to show ${shown(e)}${where}${order}, but it did not; ${xenExcerpt(lines)}`;
  }
  return void 0;
}
function checkList(expected, output) {
  const listed = parseListOutput(output);
  const problems = [];
  for (const e of expected) {
    const entry = listed.find((p) => p.name === e.payload);
    if (e.state === "absent") {
      if (entry) {
        problems.push(
          `expected ${e.payload} to be absent from xen-livepatch list, but it is listed as ${entry.status}`
        );
      }
      continue;
    }
    if (!entry) {
      problems.push(
        `expected xen-livepatch list to show ${e.payload} ${e.state}, but ${e.payload} is not listed (the list:${excerpt(output)})`
      );
      continue;
    }
    if (entry.state !== e.state) {
      problems.push(
        `expected xen-livepatch list to show ${e.payload} ${e.state}, but it shows ${e.payload} ${entry.status}`
      );
    }
    if (e.errno && entry.error?.number !== e.errno.number) {
      problems.push(
        `expected ${e.payload}'s status to show error ${formatErrno(e.errno)}, but it shows ${entry.status}`
      );
    }
    for (const m of e.metadata) {
      if (!entry.metadata.includes(m)) {
        const shown = entry.metadata.length ? `"${entry.metadata.join(";")}"` : "empty";
        problems.push(
          `expected ${e.payload}'s metadata in xen-livepatch list to include "${m}", but it is ${shown}`
        );
      }
    }
  }
  return problems;
}
function evaluateStep(planned, runs, interruption) {
  const { step } = planned;
  const commands = planned.commands.map((c3, i3) => {
    const r = runs[i3];
    return {
      role: c3.role,
      command: c3.command,
      ...r ? { rc: r.rc } : {},
      output: r?.output ?? "",
      durationMs: r?.durationMs ?? 0
    };
  });
  const consoleLines = runs.flatMap((r) => r?.xen ?? []);
  const base = {
    index: step.index,
    name: step.name,
    line: step.line,
    expect: step.expect,
    durationMs: commands.reduce((sum, c3) => sum + c3.durationMs, 0),
    commands,
    console: consoleLines
  };
  const failed = (message) => ({ ...base, status: "failed", message });
  const action = runs[0];
  if (!action) {
    const why = interruption ? `not run: the boot ended before this step (${interruption.message.split("\n")[0]})` : "not run: the guest never started this step";
    return { ...base, status: "not-run", message: why };
  }
  const cut = planned.commands.findIndex((_, i3) => (runs[i3]?.rc ?? null) === null);
  if (cut >= 0) {
    const c3 = planned.commands[cut];
    return failed(
      `${what(c3.command)} did not finish: ${interruption?.message ?? "the boot ended while it ran"}`
    );
  }
  const done = runs;
  const problems = [];
  const actionCommand2 = planned.commands[0].command;
  const tool = `${what(actionCommand2)} printed${excerpt(action.output)}; ${xenExcerpt(action.xen)}`;
  if (step.expect === "success") {
    if (action.rc !== 0) {
      problems.push(
        `expected success, but ${what(actionCommand2)} exited with status ${action.rc}: ${tool}`
      );
    }
  } else if (action.rc === 0) {
    const wanted = step.refusal ? ` ("${step.refusal}")` : "";
    problems.push(`expected a refusal${wanted}, but ${what(actionCommand2)} succeeded: ${tool}`);
  } else {
    if (step.refusal && !action.output.includes(step.refusal) && !action.xen.some((l) => l.includes(step.refusal))) {
      problems.push(
        `refused as expected (exit status ${action.rc}), but neither the tool nor Xen's console said "${step.refusal}": ${tool}`
      );
    }
    if (step.errno) {
      const r = reported(action.output);
      if (!r) {
        problems.push(
          `expected the refusal to report errno ${formatErrno(step.errno)}, but the tool reported no error number: ${tool}`
        );
      } else if (r.number !== step.errno.number) {
        const name = errnoName(r.number);
        problems.push(
          `expected the refusal to report errno ${formatErrno(step.errno)}, but the tool reported Error ${r.number}${name ? ` (${name}, ${r.text})` : ` (${r.text})`}`
        );
      }
    }
  }
  let i2 = 1;
  let checked = { command: actionCommand2, output: action.output };
  if (step.check !== void 0) {
    const run = done[i2];
    const command = planned.commands[i2].command;
    i2++;
    if (run.rc !== 0) {
      problems.push(
        `the check ${what(command)} exited with status ${run.rc}; it printed${excerpt(run.output)}`
      );
    }
    checked = { command, output: run.output };
  }
  if (step.output) problems.push(...checkOutput(step.output, checked.output, checked.command));
  const consoleProblem = checkConsole(step.console, consoleLines);
  if (consoleProblem) problems.push(consoleProblem);
  if (step.list !== void 0) {
    const listRun = step.action.kind === "list" ? action : done[i2];
    if (listRun.rc !== 0) {
      problems.push(
        `xen-livepatch list exited with status ${listRun.rc}; it printed${excerpt(listRun.output)}`
      );
    } else {
      problems.push(...checkList(step.list, listRun.output));
    }
  }
  return problems.length ? failed(problems.join("\n")) : { ...base, status: "passed" };
}
function evaluateBoot(plan, scenario, boot) {
  const transcripts = stepTranscripts(boot.console);
  const byGuestStep = new Map(boot.steps.map((s) => [s.step, s]));
  const end = boot.end;
  const endMessage = end.kind === "poweroff" ? void 0 : end.message;
  const interrupted = endMessage !== void 0;
  const interruption = endMessage !== void 0 ? { message: endMessage } : void 0;
  let error;
  if (!boot.setup || boot.setup.rc === null) {
    error = interrupted ? `The boot ended before dom0 was ready: ${endMessage}` : "dom0 never reported its setup";
  } else if (boot.setup.rc !== 0) {
    error = `dom0's setup (insmod, mount xenfs) failed with status ${boot.setup.rc}:
${boot.setup.output}`;
  }
  const steps = plan.steps.map(
    (planned) => evaluateStep(
      planned,
      planned.commands.map((c3) => {
        const s = byGuestStep.get(c3.guestStep + 1);
        if (!s) return void 0;
        const t = transcripts.get(c3.guestStep + 1) ?? { guest: s.output, xen: [] };
        return { rc: s.rc, output: t.guest, xen: t.xen, durationMs: s.durationMs };
      }),
      interruption ?? (error ? { message: error } : void 0)
    )
  );
  if (!error && interrupted && !steps.some((s) => s.status === "failed")) {
    error = endMessage;
  }
  const counts = {
    passed: steps.filter((s) => s.status === "passed").length,
    failed: steps.filter((s) => s.status === "failed").length,
    notRun: steps.filter((s) => s.status === "not-run").length
  };
  const lastEnd = boot.steps.reduce((sum, s) => sum + s.durationMs, 0);
  return {
    scenario: scenario.name,
    file: scenario.file,
    ok: !error && counts.failed === 0 && counts.notRun === 0 && boot.end.kind === "poweroff",
    counts,
    steps,
    ...error ? { error } : {},
    boot: {
      accel: boot.accel,
      end: boot.end.kind,
      ...boot.kvmFallback ? { kvmFallback: boot.kvmFallback } : {},
      ...boot.durations.firstSignOfLifeMs !== void 0 ? { firstSignOfLifeMs: boot.durations.firstSignOfLifeMs } : {},
      ...boot.durations.dom0ReadyMs !== void 0 ? { dom0ReadyMs: boot.durations.dom0ReadyMs } : {},
      totalMs: boot.durations.totalMs,
      ...boot.consoleLog ? { consoleLog: boot.consoleLog } : {},
      command: boot.command
    },
    stepsMs: lastEnd
  };
}
async function resolvePayloadFiles(scenario, dir) {
  const out = {};
  const missing = [];
  for (const [name, p] of Object.entries(scenario.payloads)) {
    const path10 = isAbsolute3(p.file) ? p.file : resolve9(dir, p.file);
    try {
      await access3(path10, fsConstants2.R_OK);
      out[name] = path10;
    } catch {
      missing.push(`${scenario.file}:${p.line}: payload "${name}": no readable file ${path10}`);
    }
  }
  if (missing.length) throw new ConfigurationError("scenario", missing.join("\n"));
  return out;
}
var SCENARIO_CPUS = 1;
async function runScenario(opts) {
  const { scenario } = opts;
  const unknown = Object.keys(scenario.payloads).filter((n2) => !opts.payloadFiles[n2]);
  if (unknown.length) {
    throw new ConfigurationError(
      "scenario",
      unknown.map(
        (n2) => `${scenario.file}:${scenario.payloads[n2].line}: no file given for payload "${n2}"`
      ).join("\n")
    );
  }
  const plan = planScenario(scenario);
  const assets = opts.assets ?? await fetchGuestAssets({ cacheDir: opts.cacheDir });
  const tool = opts.guestTool ?? (await buildGuestTool({ base: opts.base, cacheDir: opts.cacheDir })).path;
  const extra = [
    { type: "file", path: GUEST_TOOL_PATH.slice(1), mode: 493, source: tool },
    ...Object.entries(plan.guestPayloads).map(([name, guestPath]) => ({
      type: "file",
      path: guestPath.slice(1),
      source: opts.payloadFiles[name]
    }))
  ];
  const work = await mkdtemp4(join12(tmpdir4(), "xlci-scenario-"));
  try {
    const initrd = join12(work, "initrd.cpio.gz");
    await buildInitramfs(
      guestInitramfs({
        busybox: assets.busybox,
        modules: assets.modules,
        steps: plan.guestSteps,
        extra
      }),
      initrd
    );
    const boot = await bootXen({
      cpus: SCENARIO_CPUS,
      ...opts.boot,
      xenImage: opts.base.xenImage,
      kernel: assets.kernel,
      initrd,
      steps: plan.guestSteps,
      ...opts.timeouts ? { timeouts: opts.timeouts } : {},
      ...opts.logFile ? { consoleLog: opts.logFile } : {}
    });
    return evaluateBoot(plan, scenario, boot);
  } finally {
    await rm9(work, { recursive: true, force: true });
  }
}

// src/report/junit.ts
function xmlSafe(text) {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "\uFFFD").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD");
}
function escapeText(text) {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeAttr(text) {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
var seconds = (ms) => (ms / 1e3).toFixed(3);
function attrs(values) {
  return Object.entries(values).filter(([, v]) => v !== void 0).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join("");
}
function transcript(step) {
  const parts = step.commands.map((c3) => {
    const status = c3.rc === void 0 ? "not run" : c3.rc === null ? "did not finish" : `exit ${c3.rc}`;
    return `$ ${c3.command}   (${status})
${c3.output}`;
  });
  if (step.console.length) parts.push(`Xen console:
${step.console.join("\n")}
`);
  return parts.join("\n");
}
function testcase(result, step, classname) {
  const name = `${String(step.index).padStart(2, "0")} ${step.name}`;
  const open2 = `    <testcase${attrs({
    name,
    classname,
    file: result.file,
    line: step.line,
    time: seconds(step.durationMs)
  })}>`;
  const body = [];
  if (step.status === "failed") {
    const message = step.message ?? "failed";
    body.push(
      `      <failure${attrs({ message: message.split("\n")[0], type: "ScenarioStepFailed" })}>${escapeText(message)}</failure>`
    );
  } else if (step.status === "not-run") {
    body.push(`      <skipped${attrs({ message: step.message ?? "not run" })}/>`);
  }
  if (step.commands.some((c3) => c3.rc !== void 0)) {
    body.push(`      <system-out>${escapeText(transcript(step))}</system-out>`);
  }
  return body.length ? `${open2}
${body.join("\n")}
    </testcase>` : `${open2.slice(0, -1)}/>`;
}
function junitXml(result, opts = {}) {
  const classname = `scenario.${result.scenario}`;
  const cases = result.steps.map((s) => testcase(result, s, classname));
  let failures = result.counts.failed;
  let tests = result.steps.length;
  if (result.error) {
    tests++;
    failures++;
    cases.push(
      `    <testcase${attrs({ name: "boot", classname, file: result.file, time: seconds(result.boot.totalMs) })}>
      <failure${attrs({ message: result.error.split("\n")[0], type: "BootFailed" })}>${escapeText(result.error)}</failure>
    </testcase>`
    );
  }
  const properties = [
    ["accel", result.boot.accel],
    ["boot-end", result.boot.end],
    ["dom0-ready-ms", result.boot.dom0ReadyMs],
    ["console-log", result.boot.consoleLog],
    ["kvm-fallback", result.boot.kvmFallback?.reason]
  ].filter(([, v]) => v !== void 0).map(([name, value]) => `      <property${attrs({ name, value })}/>`);
  const counts = {
    tests,
    failures,
    errors: 0,
    skipped: result.counts.notRun,
    time: seconds(result.boot.totalMs)
  };
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "xen-livepatch-ci", ...counts })}>`,
    `  <testsuite${attrs({
      name: result.scenario,
      ...counts,
      ...opts.timestamp ? { timestamp: opts.timestamp.toISOString().replace(/\.\d+Z$/, "") } : {},
      file: result.file
    })}>`,
    ...properties.length ? ["    <properties>", ...properties, "    </properties>"] : [],
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n");
}
export {
  BootError,
  CommandError,
  ConfigurationError,
  ConfigurationErrors,
  ConsoleReader,
  DEFAULT_BOOT_TIMEOUTS,
  DEFAULT_DEBIAN_XEN_VERSION,
  ElfFormatError,
  HOOK_SECTIONS,
  InputFileError,
  LIVEPATCH_FUNC_SIZE,
  LIVEPATCH_MAX_SIZE,
  LIVEPATCH_PAYLOAD_VERSION,
  MissingProgramError,
  PatchRefusal,
  Payload,
  PayloadCompileError,
  RULES,
  RULE_BY_ID,
  SECTION,
  TOOL_NAME,
  TOOL_VERSION,
  XenBuildError,
  XenSyms,
  assertBootOk,
  bootXen,
  buildPatchPayloads,
  buildSourcePayloads,
  buildXenBase,
  defaultScenario,
  describeStack,
  fetchDebianSource,
  fetchGitSource,
  fetchGuestAssets,
  findingsText,
  junitXml,
  kvmUsable,
  loadXenConfig,
  localSource,
  parseScenario,
  qemuArgs,
  resolvePayloadFiles,
  runScenario,
  selfTestScenario,
  verifyFile,
  verifyPayload,
  verifyPayloadSet
};
