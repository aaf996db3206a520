/**
 * 权重方案: how the target ranking weighs its seven components, which region groups it
 * prefers, and the distances it counts as near and far. Profiles are saved on the server
 * (the "default" one can be edited, not deleted); the API's field errors show at the field.
 */
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Slider, Space, Switch, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import type { RegionGroup, ScoringProfile } from "../../../../server/model/domain";
import { DEFAULT_PROFILE_ID, SCORE_COMPONENTS } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldPath, splitFieldErrors } from "../../model/fieldErrors";
import type { ProfileFormValues } from "../../model/profileForm";
import { newProfileId, profileFieldNames, toFormValues, toProfile, weightShares } from "../../model/profileForm";
import { paths } from "../../model/paths";
import { SCORE_COLORS } from "../../model/scoreBar";
import { BackLink, useBackTo } from "../common/BackLink";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useAction } from "../common/useAction";
import { useSession } from "../Session/SessionProvider";

export function ProfilesPage() {
  const { profileId } = useParams();
  const { t } = useI18n();
  const backTo = useBackTo();
  const profiles = useApi(api.profiles());
  const groups = useApi(api.regionGroups());
  if (!profileId) return <Navigate to={paths.profiles(DEFAULT_PROFILE_ID)} replace />;
  return (
    <div className="profiles-page page">
      <PageHeading title={t("profiles.title")} subtitle={t("profiles.subtitle")} />
      <BackLink to={backTo} testId="profile-back">
        {t("profiles.back")}
      </BackLink>
      <RequestState state={profiles}>
        {(list) => (
          <div className="profiles-layout">
            <ProfileList profiles={list} current={profileId} onCreated={profiles.refresh} back={backTo} />
            <RequestState state={groups}>
              {(groupList) => {
                const profile = list.find((p) => p.id === profileId);
                return profile ? (
                  <ProfileEditor key={profile.id} profile={profile} groups={groupList} onSaved={profiles.refresh} back={backTo} />
                ) : (
                  <Alert type="warning" showIcon title={t("profiles.notFound", { id: profileId })} />
                );
              }}
            </RequestState>
          </div>
        )}
      </RequestState>
    </div>
  );
}

function withBack(path: string, back: string | null) {
  return back ? `${path}?back=${encodeURIComponent(back)}` : path;
}

function ProfileList({ profiles, current, onCreated, back }: { profiles: ScoringProfile[]; current: string; onCreated(): void; back: string | null }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const { busy, run } = useAction();
  const base = profiles.find((p) => p.id === current) ?? profiles[0];

  const create = async () => {
    if (!name.trim() || !base || busy) return;
    await run(async () => {
      const saved = await actions.saveProfile({ ...base, id: newProfileId(), name: name.trim(), description: t("profiles.copiedFrom", { name: base.name }) });
      setOpen(false);
      onCreated();
      void message.success(t("profiles.created", { name: saved.name }));
      navigate(withBack(paths.profiles(saved.id), back));
    });
  };

  return (
    <nav className="profile-list" aria-label={t("profiles.list")}>
      <ul className="plain-list">
        {profiles.map((p) => (
          <li key={p.id}>
            <Link to={withBack(paths.profiles(p.id), back)} className={p.id === current ? "active" : undefined} aria-current={p.id === current ? "page" : undefined} data-testid={`profile-link-${p.id}`}>
              {p.name}
            </Link>
            {p.id === DEFAULT_PROFILE_ID && <span className="muted"> · {t("profiles.builtIn")}</span>}
          </li>
        ))}
      </ul>
      {can.edit && (
        <Button
          onClick={() => {
            setName("");
            setOpen(true);
          }}
          data-testid="profile-new"
        >
          + {t("profiles.new")}
        </Button>
      )}
      <Modal open={open} title={t("profiles.newTitle", { name: base?.name ?? "" })} onCancel={() => setOpen(false)} onOk={create} confirmLoading={busy} okButtonProps={{ disabled: !name.trim() }} okText={t("common.ok")} cancelText={t("common.cancel")}>
        <Form layout="vertical" onFinish={create}>
          <Form.Item label={t("profiles.name")}>
            <Input autoFocus value={name} maxLength={50} onChange={(e) => setName(e.target.value)} data-testid="profile-new-name" />
          </Form.Item>
        </Form>
      </Modal>
    </nav>
  );
}

function ProfileEditor({ profile, groups, onSaved, back }: { profile: ScoringProfile; groups: RegionGroup[]; onSaved(): void; back: string | null }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProfileFormValues>();
  const initial = useMemo(() => toFormValues(profile, groups), [profile, groups]);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [weightsError, setWeightsError] = useState<string[]>([]);
  const weights = Form.useWatch("weights", form) ?? initial.weights;
  const priorities = Form.useWatch("regionPriority", form) ?? initial.regionPriority;
  const shares = weightShares(weights);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));

  useEffect(() => form.setFieldsValue(initial), [initial, form]);

  const save = async () => {
    const values = form.getFieldsValue(true) as ProfileFormValues;
    setBusy(true);
    setGeneral([]);
    setWeightsError([]);
    form.setFields([...profileFieldNames(values)].map((name) => ({ name: fieldPath(name) as never, errors: [] })));
    try {
      const saved = await actions.saveProfile(toProfile(profile.id, values));
      void message.success(t("profiles.saved", { name: saved.name }));
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return setGeneral([String(error)]);
      const { byField, general: rest } = splitFieldErrors(error.details, profileFieldNames(values));
      const fieldErrors = [...byField].filter(([name]) => name !== "weights" && name !== "regionPriority");
      form.setFields(fieldErrors.map(([name, errors]) => ({ name: fieldPath(name) as never, errors })));
      setWeightsError([...(byField.get("weights") ?? [])]);
      const leftover = [...rest, ...(byField.get("regionPriority") ?? [])];
      setGeneral(leftover.length || byField.size ? leftover : [error.message]);
      void message.error(t("profiles.invalid"));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await actions.deleteProfile(profile.id);
      onSaved();
      void message.success(t("profiles.deleted", { name: profile.name }));
      navigate(withBack(paths.profiles(DEFAULT_PROFILE_ID), back));
    } catch (error) {
      void message.error(t("action.failed", { reason: (error as Error).message }));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={save} className="profile-editor" data-testid="profile-editor" disabled={!can.edit}>
      {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} data-testid="profile-errors" />}
      <div className="form-row">
        <Form.Item name="name" label={t("profiles.name")} style={{ flex: "0 0 260px" }}>
          <Input maxLength={50} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="description" label={t("profiles.description")} style={{ flex: 1 }}>
          <Input maxLength={500} />
        </Form.Item>
      </div>

      <fieldset className="form-section">
        <legend>{t("profiles.weights")}</legend>
        <Typography.Paragraph type="secondary">{t("profiles.weightsHelp")}</Typography.Paragraph>
        {weightsError.length > 0 && (
          <Typography.Paragraph type="danger" data-testid="weights-error">
            {weightsError.join("；")}
          </Typography.Paragraph>
        )}
        {SCORE_COMPONENTS.map((component) => (
          <div className="slider-row" key={component}>
            <span className="slider-label">
              <span className="score-swatch" style={{ background: SCORE_COLORS[component] }} />
              {t(`score.${component}`)}
            </span>
            <Form.Item name={["weights", component]} noStyle>
              <Slider min={0} max={100} className="slider" aria-label={t(`score.${component}`)} />
            </Form.Item>
            <Form.Item name={["weights", component]} className="slider-input">
              <InputNumber min={0} max={100} aria-label={t(`score.${component}`)} data-testid={`weight-${component}`} />
            </Form.Item>
            <span className="slider-share muted">{t("profiles.share", { share: Math.round(shares[component] * 100) })}</span>
          </div>
        ))}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("profiles.regions")}</legend>
        <Typography.Paragraph type="secondary">{t("profiles.regionsHelp")}</Typography.Paragraph>
        {Object.keys(initial.regionPriority).map((groupId) => {
          const on = priorities?.[groupId] !== null && priorities?.[groupId] !== undefined;
          return (
            <div className="slider-row" key={groupId}>
              <span className="slider-label">
                <Switch
                  size="small"
                  checked={on}
                  onChange={(checked) => form.setFieldValue(["regionPriority", groupId], checked ? (profile.regionPriority[groupId] ?? 0.5) : null)}
                  aria-label={t("profiles.useGroup", { group: groupName.get(groupId) ?? groupId })}
                />{" "}
                {groupName.get(groupId) ?? groupId}
              </span>
              <Form.Item name={["regionPriority", groupId]} noStyle>
                <Slider min={0} max={1} step={0.05} disabled={!on} className="slider" aria-label={groupName.get(groupId) ?? groupId} />
              </Form.Item>
              <Form.Item name={["regionPriority", groupId]} className="slider-input">
                <InputNumber min={0} max={1} step={0.05} disabled={!on} aria-label={groupName.get(groupId) ?? groupId} data-testid={`priority-${groupId}`} />
              </Form.Item>
              <span className="slider-share muted">{on ? "" : t("profiles.asOther")}</span>
            </div>
          );
        })}
        <div className="slider-row">
          <span className="slider-label">{t("profiles.other")}</span>
          <Form.Item name="otherRegionPriority" noStyle>
            <Slider min={0} max={1} step={0.05} className="slider" aria-label={t("profiles.other")} />
          </Form.Item>
          <Form.Item name="otherRegionPriority" className="slider-input">
            <InputNumber min={0} max={1} step={0.05} aria-label={t("profiles.other")} data-testid="priority-other" />
          </Form.Item>
          <span className="slider-share" />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("profiles.distance")}</legend>
        <Typography.Paragraph type="secondary">{t("profiles.distanceHelp")}</Typography.Paragraph>
        <div className="form-row">
          <Form.Item name="nearKm" label={t("profiles.nearKm")}>
            <InputNumber min={0} step={10} suffix="km" style={{ width: 160 }} data-testid="near-km" />
          </Form.Item>
          <Form.Item name="farKm" label={t("profiles.farKm")}>
            <InputNumber min={0} step={50} suffix="km" style={{ width: 160 }} data-testid="far-km" />
          </Form.Item>
        </div>
      </fieldset>

      {can.edit && (
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="profile-save">
          {t("profiles.save")}
        </Button>
        <Button
          onClick={() => {
            // Back to the saved profile, messages and all.
            form.resetFields();
            setGeneral([]);
            setWeightsError([]);
          }}
        >
          {t("profiles.reset")}
        </Button>
        {profile.id !== DEFAULT_PROFILE_ID && (
          <Popconfirm title={t("profiles.deleteConfirm", { name: profile.name })} onConfirm={remove} okText={t("common.ok")} cancelText={t("common.cancel")}>
            <Button danger data-testid="profile-delete">
              {t("profiles.delete")}
            </Button>
          </Popconfirm>
        )}
      </Space>
      )}
    </Form>
  );
}
